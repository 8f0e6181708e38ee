import type { FigureView } from '../lib/extension/messages';
import { figureRelation, figureVerdict, formatDate, outletName } from './format';
import { FigureChart } from './FigureChart';
import { FromReading } from './FromReading';
import { Headline } from './Headline';

export interface FigureNoteProps {
  /** The figure on this page and the other outlets' figures for the same quantity. */
  figure: FigureView;
}

/**
 * The body of a figure's note: whether the outlets agree, their figures on
 * one number line, and each outlet's figure with its headline (a link where
 * the corpus has its address), date, and who the figure is attributed to
 * when that is known.
 */
export function FigureNote({ figure }: FigureNoteProps) {
  return (
    <>
      <p class={`r-verdict ${figure.differs ? 'r-differs' : 'r-agrees'}`} data-testid="retold-verdict">
        <span aria-hidden="true">{figure.differs ? '≠ ' : '= '}</span>
        {figureVerdict(
          figure.differs,
          figure.others.length,
          figure.others.filter((o) => o.verdict === 'over-time').length,
        )}
      </p>
      <FigureChart figure={figure} />
      <table class="r-figures">
        <caption>{figure.quantity}</caption>
        <tbody>
          <tr class="r-figure-here">
            <th scope="row">
              This page
              {formatDate(figure.day) && <span class="r-date">{formatDate(figure.day)}</span>}
              {figure.claimant && <span class="r-date">according to {figure.claimant}</span>}
            </th>
            <td>{figure.text}</td>
            <td />
          </tr>
          {figure.others.map((o, i) => (
            <tr key={i} data-testid="retold-figure-other">
              <th scope="row">
                {outletName(o.outlet)}
                <Headline source={o} />
                <span class="r-date">{formatDate(o.date) ?? 'date not known'}</span>
                {o.claimant && <span class="r-date">according to {o.claimant}</span>}
                <FromReading source={o} />
              </th>
              <td>{o.text}</td>
              <td class={o.verdict === 'differ' ? 'r-differs' : 'r-agrees'} data-verdict={o.verdict}>
                {o.verdict === 'differ' ? '≠ ' : o.verdict === 'agree' ? '= ' : ''}
                {figureRelation(o.verdict, o.day)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
