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
import { Memory } from '../../lib/extension/memory';
import { loadCorpus } from '../../lib/extension/corpus-service';
import { packOf } from '../../lib/corpus/pack';
import { describeImport, importPack } from '../../lib/extension/pack-import';
import type { CorpusPackProps } from '../../components/CorpusPack';

const area = settingsArea();

/**
 * Corpus packs are made and read here, on the options page's own thread:
 * the remembered articles are this extension's IndexedDB, which its pages
 * share with the background, and scoring a large pack's articles would hold
 * the background's thread (every tab's notes) for seconds. The bundled
 * corpus lends its word tables, as it does to the remembered articles.
 */
const pack: CorpusPackProps = {
  async onExport() {
    const [memory, bundled] = await Promise.all([Memory.open(), loadCorpus()]);
    try {
      const records = await memory.all();
      if (!records.length) throw new Error('no article is remembered yet');
      const { synonyms, notices } = bundled.corpus;
      // The pack carries the bundled synonym table, which WordNet's notice covers; not the rarity table.
      return packOf(
        records.map((r) => r.entries),
        synonyms,
        notices.filter((n) => n.includes('WordNet')),
      );
    } finally {
      memory.close();
    }
  },
  async onImport(text, fileName) {
    const [memory, bundled] = await Promise.all([Memory.open(), loadCorpus()]);
    try {
      const result = await importPack(text, fileName, memory, bundled.corpus.synonyms);
      if (result.imported) await send(channels.memoryReload, {}).catch(() => null);
      return { message: describeImport(result), problems: result.problems };
    } finally {
      memory.close();
    }
  },
};
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
      pack={pack}
    />,
    document.getElementById('app')!,
  );
}

await draw();
watchSettings(() => void draw());
// An article remembered (or forgotten, or refused for want of room) while the page is open: count again.
watchMemoryStatus(() => void draw());
