/**
 * Another outlet's headline, as a link to its article when the corpus has
 * the address (opened in a new tab, never fetched by Retold), else as text.
 */
export interface HeadlineProps {
  /** The article's headline and address, as the note's source carries them. */
  source: { title: string | null; url?: string | null };
}

export function Headline({ source }: HeadlineProps) {
  if (!source.title) return null;
  return source.url ? (
    <a class="r-headline" href={source.url} target="_blank" rel="noopener noreferrer" data-testid="retold-source-link">
      {source.title}
    </a>
  ) : (
    <span class="r-headline">{source.title}</span>
  );
}
