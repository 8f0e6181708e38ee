/**
 * Said beside an outlet's name when its article is one the reader read and
 * Retold remembered, not one of the bundled corpus: so the reader knows where
 * the note comes from, and can open that article again.
 */
export interface FromReadingProps {
  /** The note's source; nothing is drawn unless it carries `fromReading`. */
  source: { fromReading?: { url: string } };
}

export function FromReading({ source }: FromReadingProps) {
  const url = source.fromReading?.url;
  if (url === undefined) return null;
  return (
    <span class="r-from-reading" data-testid="retold-from-reading">
      {' · from your reading'}
      {/^https?:\/\//.test(url) && (
        <>
          {': '}
          <a href={url} target="_blank" rel="noreferrer">
            open it
          </a>
        </>
      )}
    </span>
  );
}
