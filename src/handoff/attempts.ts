/**
 * What the bot tried, each thing once with how often: "could not find an answer (3 times)" rather
 * than the same words three times. The packet keeps every attempt, in order; the summary and the
 * messages to Slack, Teams and Zendesk say them this way.
 */
export function attemptsSaid(attempts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const attempt of attempts) counts.set(attempt, (counts.get(attempt) ?? 0) + 1);
  return [...counts]
    .map(([attempt, times]) => (times > 1 ? `${attempt} (${times} times)` : attempt))
    .join('; ');
}
