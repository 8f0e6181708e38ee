import type { FigureView } from '../lib/extension/messages';
import { figureVerdict, formatDate, outletName } from './format';

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
        {figureVerdict(figure.differs, figure.others.length)}
      </p>
      <table class="r-figures">
        <caption>{figure.quantity}</caption>
        <tbody>
          <tr class="r-figure-here">
            <th scope="row">This page</th>
            <td>{figure.text}</td>
            <td />
          </tr>
          {figure.others.map((o, i) => (
            <tr key={i} data-testid="retold-figure-other">
              <th scope="row">
                {outletName(o.outlet)}
                {formatDate(o.date) && <span class="r-date">{formatDate(o.date)}</span>}
              </th>
              <td>{o.text}</td>
              <td class={o.agrees ? 'r-agrees' : 'r-differs'}>{o.agrees ? 'agrees' : 'differs'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
