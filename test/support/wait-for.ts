/**
 * Polls `check` until it is true; throws after `ms`. For effects that happen after a timer (retries,
 * sends). The default leaves room for a first turn in a worker of a full parallel run on two
 * cores (one took over 5 s in CI); a check that passes returns as soon as it does.
 */
export async function waitFor(check: () => Promise<boolean>, ms = 15_000, everyMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
