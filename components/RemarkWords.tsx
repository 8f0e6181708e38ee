import type { RemarkView } from '../lib/extension/messages';

export interface RemarkWordsProps {
  /** The remark as this page gives it: its quotation, or the words a paraphrase reports it in. */
  remark: Pick<RemarkView, 'quote' | 'paraphrased'>;
  /** Show "paraphrased here" before a paraphrase's words (where nothing around it says so). */
  tagged?: boolean;
  /** Extra class for the words (a list row's, a popup line's). */
  class?: string;
}

/**
 * This page's words for a remark, as a list or a card shows them: a
 * quotation in quotation marks; a paraphrase never in quotation marks (they
 * are the writer's words, not the speaker's), tagged "paraphrased here".
 */
export function RemarkWords({ remark, tagged, class: extra }: RemarkWordsProps) {
  if (!remark.paraphrased) return <q class={extra}>{remark.quote}</q>;
  return (
    <span class={`r-paraphrase${extra ? ` ${extra}` : ''}`} data-testid="retold-paraphrase">
      {tagged && <span class="r-kind">paraphrased here</span>}
      {tagged ? ' ' : ''}
      {remark.quote}
    </span>
  );
}
