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
import * as channels from '../../lib/extension/channels';
import { send } from '../../lib/extension/channels';
import type { MemoryStatsView } from '../../lib/extension/messages';
import { watchMemoryStatus } from '../../lib/extension/memory-area';

const area = settingsArea();
// Fields found corrupt when the page opened stay named until it is closed.
let reset: SettingName[] = [];

/** What the remembered articles take, from the background that keeps them; null when it did not answer. */
const memoryStats = (): Promise<MemoryStatsView | null> => send(channels.memory, {}).catch(() => null);

async function draw(memory?: MemoryStatsView | null): Promise<void> {
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
      memory={memory === undefined ? await memoryStats() : memory}
      onForget={async (request) => void draw(await send(channels.memoryForget, request).catch(() => null))}
    />,
    document.getElementById('app')!,
  );
}

await draw();
watchSettings(() => void draw());
// An article remembered (or forgotten, or refused for want of room) while the page is open: count again.
watchMemoryStatus(() => void draw());
