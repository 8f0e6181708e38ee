/**
 * The background's matching, shared fairly between tabs. Matching runs on the
 * worker's one thread, so one tab's long article would hold up every other
 * tab's notes. Each tab has at most one job waiting (a newer one from the
 * same tab takes its place, and the one it replaces resolves to null), and
 * tabs take turns: a job runs, then the next tab in line, so a tab waits for
 * at most one job of each other tab. What one job can cost is bounded by the
 * characters of an article that are read (MAX_READ_CHARS in lib/page/article).
 */

interface Waiting {
  job: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class FairQueue {
  /** The job each tab has waiting, in the order the tabs take their turns. */
  private readonly waiting = new Map<number, Waiting>();
  private running = false;

  /** Run `job` for `tab` in its turn; null if a newer job of the tab replaced it first, or `signal` aborted. */
  run<T>(tab: number, job: () => T | Promise<T>, signal?: AbortSignal): Promise<T | null> {
    return new Promise<T | null>((resolve, reject) => {
      this.waiting.get(tab)?.resolve(null);
      // A tab already in line keeps its place (a Map keeps a key's first position); its job is the newest one.
      this.waiting.set(tab, {
        job: () => (signal?.aborted ? null : job()),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      void this.next();
    });
  }

  /** How many tabs have a job waiting. */
  get length(): number {
    return this.waiting.size;
  }

  private async next(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let turn = this.waiting.entries().next(); !turn.done; turn = this.waiting.entries().next()) {
        const [tab, entry] = turn.value;
        this.waiting.delete(tab);
        try {
          entry.resolve(await entry.job());
        } catch (error) {
          entry.reject(error);
        }
        // Give messages that arrived meanwhile (a newer job, another tab's) their place in line.
        await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      this.running = false;
    }
  }
}
