import type { FigureView } from '../lib/extension/messages';
import { figureRelation, figureVerdict, formatDate, outletName } from './format';
import { FromReading } from './FromReading';

export interface FigureNoteProps {
  /** The figure on this page and the other outlets' figures for the same quantity. */
  figure: FigureView;
}

/** The body of a figure's card: every outlet's figure for the same quantity, and whether they agree. */
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
      <table class="r-figures">
        <caption>{figure.quantity}</caption>
        <tbody>
          <tr class="r-figure-here">
            <th scope="row">
              This page
              {formatDate(figure.day) && <span class="r-date">{formatDate(figure.day)}</span>}
            </th>
            <td>
              {figure.text}
              {figure.claimant && <span class="r-claimant"> (says {figure.claimant})</span>}
            </td>
            <td />
          </tr>
          {figure.others.map((o, i) => (
            <tr key={i} data-testid="retold-figure-other">
              <th scope="row">
                {outletName(o.outlet)}
                {formatDate(o.date) && <span class="r-date">{formatDate(o.date)}</span>}
                <FromReading source={o} />
              </th>
              <td>
                {o.text}
                {o.claimant && <span class="r-claimant"> (says {o.claimant})</span>}
              </td>
              <td class={o.verdict === 'differ' ? 'r-differs' : 'r-agrees'} data-verdict={o.verdict}>
                {figureRelation(o.verdict, o.day)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
