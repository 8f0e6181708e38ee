/**
 * How often a tab may have its article read and matched in full. A page can
 * change its address or its text as often as it likes (`history.replaceState`
 * twice a second, a ticker); each full run costs a snapshot on the page's
 * thread and Readability plus matching in the extension. The content script
 * counts its runs against a budget, and the background counts each tab's
 * requests against the same budget, so neither a page that keeps changing nor
 * one that keeps reloading itself gets more. A run over budget is not dropped:
 * it waits until the budget has room, and the notes on screen stay meanwhile.
 */

/** Full runs (snapshot, Readability, matching) one tab may have in any minute. */
export const FULL_RUNS_PER_MINUTE = 6;
const MINUTE_MS = 60_000;

/** A sliding window of the times runs started. */
export class RunBudget {
  private readonly starts: number[] = [];

  constructor(
    private readonly limit = FULL_RUNS_PER_MINUTE,
    private readonly windowMs = MINUTE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until a run may start; 0 when one may start now. */
  wait(): number {
    const now = this.now();
    while (this.starts.length && this.starts[0]! <= now - this.windowMs) this.starts.shift();
    if (this.starts.length < this.limit) return 0;
    return this.starts[0]! + this.windowMs - now;
  }

  /** A run starts now (whether or not there was room: the caller waited as long as `wait` said). */
  take(): void {
    this.starts.push(this.now());
    if (this.starts.length > this.limit) this.starts.shift();
  }
}
