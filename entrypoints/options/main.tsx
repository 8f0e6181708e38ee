/** The options page: the settings, read and written through browser.storage. */
import { render } from 'preact';
import '../../components/pages.css';
import { Options } from '../../components/Options';
import './feedback';
import {
  changeSettings,
  exportSettings,
  importSettings,
  loadSettings,
  type SettingName,
} from '../../lib/extension/settings';
import { hasSyncedCopy, removeSyncedCopy, settingsArea, watchSettings } from '../../lib/extension/settings-area';

const area = settingsArea();
// Fields found corrupt when the page opened stay named until it is closed.
let reset: SettingName[] = [];

async function draw(): Promise<void> {
  const loaded = await loadSettings(area);
  if (loaded.reset.length) {
    reset = [...new Set([...reset, ...loaded.reset])];
    // Store the repaired settings, so every tab agrees on them.
    await changeSettings(area, {});
  }
  render(
    <Options
      settings={loaded.settings}
      reset={reset}
      onChange={(change) => void changeSettings(area, change)}
      onImport={async (text) => {
        // Read against the settings stored at that moment, inside the change, so no other tab's change is lost.
        let message = '';
        await changeSettings(area, (current) => {
          const imported = importSettings(current, text);
          message = imported.message;
          return imported.settings;
        });
        return message;
      }}
      onExport={() => exportSettings(loaded.settings)}
      syncedCopy={await hasSyncedCopy()}
      onRemoveSyncedCopy={async () => {
        await removeSyncedCopy();
        await draw();
      }}
    />,
    document.getElementById('app')!,
  );
}

await draw();
watchSettings(() => void draw());
