import { Fragment } from 'preact';
import type { DiffPart } from '../lib/text/diff';

export interface WordDiffProps {
  /** From this page's wording to another outlet's. */
  parts: DiffPart[];
  /** The other outlet's name, for the labels a screen reader reads out. */
  outlet: string;
  /**
   * The page paraphrases the remark: `parts` are the outlet's words only
   * (see quotedWords), those the paraphrase uses too marked, nothing struck.
   */
  paraphrase?: boolean;
}

/**
 * Another outlet's wording of a remark, with the words it does not share
 * with this page marked: words only it has are underlined, words only this
 * page has are struck through. Marked by more than colour, so it reads the
 * same without it. Where one outlet quotes more of the remark than the other,
 * nothing is marked: the other outlet's extra words are greyed, and where it
 * quotes less an ellipsis stands for the rest of this page's quote.
 */
export function WordDiff({ parts, outlet, paraphrase }: WordDiffProps) {
  if (paraphrase)
    return (
      <q class="r-diff" data-testid="retold-diff">
        {parts.map((p, i) =>
          p.kind === 'same' && /\S/.test(p.text) ? (
            // Spaces around the shared words stay outside the mark, so it covers words only.
            <Fragment key={i}>
              {/^\s/.test(p.text) ? ' ' : ''}
              <mark title="Also in this page’s paraphrase" data-testid="retold-diff-shared">
                {p.text.trim()}
              </mark>
              {/\s$/.test(p.text) ? ' ' : ''}
            </Fragment>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </q>
    );
  return (
    <q class="r-diff" data-testid="retold-diff">
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'context' ? (
          <span key={i} class="r-context" title={`${outlet} quotes more than this page`}>
            {p.text}
          </span>
        ) : p.kind === 'omitted' ? (
          <span key={i} class="r-omitted" title={`${outlet} quotes less of the remark than this page`}>
            {/^\s/.test(p.text) ? ' ' : ''}
            <span aria-hidden="true">…</span>
            <span class="r-sr">(quotes less)</span>
            {/\s$/.test(p.text) ? ' ' : ''}
          </span>
        ) : p.kind === 'added' ? (
          <ins key={i} title={`Only in ${outlet}`} data-testid="retold-diff-added">
            {p.text}
          </ins>
        ) : (
          <Fragment key={i}>
            <del title="Only on this page" data-testid="retold-diff-removed">
              {p.text}
            </del>
            {/* A replaced word is a struck word then a new one: keep them apart. */}
            {parts[i + 1]?.kind === 'added' && !/\s$/.test(p.text) ? ' ' : null}
          </Fragment>
        ),
      )}
    </q>
  );
}
