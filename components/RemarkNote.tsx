import type { RemarkView } from '../lib/extension/messages';
import { citation, formatDate, outletName, reasonText } from './format';
import { CopyCitation } from './CopyCitation';
import { FromReading } from './FromReading';
import { Headline } from './Headline';
import { RemarkWords } from './RemarkWords';
import { WordDiff } from './WordDiff';

export interface RemarkNoteProps {
  /** The remark as quoted here, with every other outlet's wordings. */
  remark: RemarkView;
}

/**
 * The body of a remark's note: how each other outlet quoted it, word by word
 * against this page, with what a reader needs to check it: the outlet's
 * headline (a link where the corpus has its address), its date, who it says
 * spoke, why the wording was matched, and a copy of it with its source.
 * A remark this page paraphrases is shown as such: its words never in
 * quotation marks, and each outlet's quoted words with those the
 * paraphrase uses marked, not a word-by-word diff of two quotations.
 */
export function RemarkNote({ remark }: RemarkNoteProps) {
  return (
    <>
      <p class="r-here">
        <span class="r-label" data-testid="retold-here-label">
          {remark.paraphrased ? 'This page’s words, not a quotation' : 'Quoted here'}
          {remark.speaker ? `, ${remark.paraphrased ? 'reporting' : 'from'} ${remark.speaker}` : ''}
        </span>
        <RemarkWords remark={remark} />
      </p>
      <ul class="r-outlets" aria-label="Other outlets' wordings">
        {remark.outlets.map((o) => (
          <li key={o.articleId} class="r-outlet" data-testid="retold-variant">
            <p class="r-source">
              <strong data-testid="retold-outlet">{outletName(o.outlet)}</strong>
              <span class="r-date">{formatDate(o.date) ?? 'date not known'}</span>
              <FromReading source={o} />
            </p>
            <Headline source={o} />
            {o.wordings.map((w, i) => (
              <div key={i} class="r-wording">
                <p class="r-why" data-testid="retold-why">
                  {reasonText(w.reason, w.similarity)}
                  {w.speaker ? ` · said by ${w.speaker}` : ''}
                </p>
                <p>
                  <WordDiff parts={w.diff} outlet={outletName(o.outlet)} paraphrase={remark.paraphrased} />
                </p>
                <CopyCitation
                  text={citation(w.quote, o)}
                  label={`Copy ${outletName(o.outlet)}'s wording with its source`}
                />
              </div>
            ))}
          </li>
        ))}
      </ul>
      {remark.paraphrased ? (
        <p class="r-legend">
          This page reports the remark without quoting it; the other outlets quote the speaker. <mark>Marked</mark>:
          their words that this page’s paraphrase uses too.
        </p>
      ) : (
        <p class="r-legend">
          <ins>underlined</ins>: only the other outlet · <del>struck</del>: only this page ·{' '}
          <span class="r-context">grey</span>: the other outlet quotes more. Outlets that translate a remark word it
          differently: a difference may be only a translation.
        </p>
      )}
    </>
  );
}
