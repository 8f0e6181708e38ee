/**
 * The remembered articles as a corpus pack: exported as a file in the
 * corpus builder's format (made here, handed to the browser as a Blob URL:
 * nothing leaves the device), and a pack imported, with what it could not
 * read listed line by line.
 */
import { useState } from 'preact/hooks';

/** What an import did: a sentence, and the parts of the file that could not be read. */
export interface PackReport {
  message: string;
  problems: string[];
}

export interface CorpusPackProps {
  /** The pack's text; rejects with a reason when it cannot be made. */
  onExport: () => Promise<string>;
  /** Import a pack from a file's text and name. */
  onImport: (text: string, fileName: string) => Promise<PackReport>;
}

/** Lines of problems shown; the rest are counted. */
const SHOWN_PROBLEMS = 20;

export function CorpusPack({ onExport, onImport }: CorpusPackProps) {
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [report, setReport] = useState<PackReport | null>(null);

  const exportPack = async () => {
    setBusy('export');
    try {
      const url = URL.createObjectURL(new Blob([await onExport()], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'retold-corpus-pack.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setReport(null);
    } catch (error) {
      setReport({ message: `Could not export: ${(error as Error).message || 'unknown error'}.`, problems: [] });
    } finally {
      setBusy(null);
    }
  };
  // The event's currentTarget is gone once the handler awaits, so the input is taken first.
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy('import');
    try {
      setReport(await onImport(await file.text(), file.name));
    } catch (error) {
      setReport({
        message: `Could not import that file: ${(error as Error).message || 'unknown error'}. Nothing remembered was lost.`,
        problems: [],
      });
    } finally {
      setBusy(null);
      input.value = '';
    }
  };
  return (
    <div class="pack" data-testid="corpus-pack">
      <p class="help">
        A corpus pack holds the remarks and figures of the articles you have read (not their text), in the format of{' '}
        <code>npm run corpus</code>, to share with another reader, a newsroom or a class. Importing one adds its
        articles to those remembered here.
      </p>
      <div class="actions">
        <button type="button" data-testid="pack-export" disabled={busy !== null} onClick={() => void exportPack()}>
          {busy === 'export' ? 'Exporting…' : 'Export as a corpus pack'}
        </button>
        <label class="button">
          {busy === 'import' ? 'Importing…' : 'Import a corpus pack…'}
          <input
            type="file"
            accept="application/json,.json"
            class="sr-only"
            data-testid="pack-import"
            disabled={busy !== null}
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </div>
      {report && (
        <div role="status" data-testid="pack-message">
          <p>{report.message}</p>
          {report.problems.length > 0 && (
            <ul data-testid="pack-problems">
              {report.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
                <li key={p}>{p}</li>
              ))}
              {report.problems.length > SHOWN_PROBLEMS && (
                <li>and {(report.problems.length - SHOWN_PROBLEMS).toLocaleString('en')} more</li>
              )}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
