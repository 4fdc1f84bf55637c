/** Polls `check` until it is true; throws after `ms`. For effects that happen after a timer (retries, sends). */
export async function waitFor(check: () => Promise<boolean>, ms = 5_000, everyMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
