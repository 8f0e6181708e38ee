import type { RemarkView } from '../lib/extension/messages';
import { formatDate, outletName } from './format';
import { FromReading } from './FromReading';
import { WordDiff } from './WordDiff';

export interface RemarkNoteProps {
  /** The remark as quoted here, with every other outlet's wordings. */
  remark: RemarkView;
}

/** The body of a remark's card: how each other outlet quoted it, word by word against this page. */
export function RemarkNote({ remark }: RemarkNoteProps) {
  return (
    <>
      <p class="r-here">
        <span class="r-label">Quoted here{remark.speaker ? `, from ${remark.speaker}` : ''}</span>
        <q>{remark.quote}</q>
      </p>
      <ul class="r-outlets" aria-label="Other outlets' wordings">
        {remark.outlets.map((o) => (
          <li key={o.articleId} class="r-outlet" data-testid="retold-variant">
            <p class="r-source">
              <strong data-testid="retold-outlet">{outletName(o.outlet)}</strong>
              {formatDate(o.date) && <span class="r-date">{formatDate(o.date)}</span>}
              <FromReading source={o} />
              {o.wordings[0]?.speaker && <span class="r-speaker">{o.wordings[0].speaker}</span>}
            </p>
            {o.wordings.map((w, i) => (
              <p key={i} class="r-wording">
                <WordDiff parts={w.diff} outlet={outletName(o.outlet)} />
              </p>
            ))}
          </li>
        ))}
      </ul>
      <p class="r-legend" aria-hidden="true">
        <ins>underlined</ins> only in the other outlet · <del>struck</del> only on this page
      </p>
    </>
  );
}
