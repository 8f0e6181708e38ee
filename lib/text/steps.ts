/**
 * Work done a step at a time: a generator that yields between steps, so the
 * content script can give the page its thread back (see `drive` there), and
 * everything else can run it straight through.
 */
export function runAll<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
