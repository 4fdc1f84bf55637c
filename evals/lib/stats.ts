/** Small numeric helpers shared by the metrics; kept apart so their edge cases are tested once. */

/** A rate is `null` when nothing was measured: 0/0 is "unknown", not 0% or 100%. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function f1Score(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Nearest-rank percentile (the smallest value with at least p% of the sample at or below it):
 * always an observed latency, and stable for the small samples an eval run produces.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export interface Count {
  correct: number;
  total: number;
}

export interface ConfusionMatrix {
  /** Row and column labels in display order; `none` means "no handoff". */
  labels: string[];
  /** counts[expected][actual]; only non-zero cells are present. */
  counts: Record<string, Record<string, number>>;
}

export function confusionMatrix(
  canonical: readonly string[],
  pairs: readonly [string, string][],
): ConfusionMatrix {
  const counts: Record<string, Record<string, number>> = {};
  const extra = new Set<string>();
  for (const [expected, actual] of pairs) {
    const row = counts[expected] ?? {};
    row[actual] = (row[actual] ?? 0) + 1;
    counts[expected] = row;
    // A label the pipeline produced that the contract does not list must still show up.
    for (const label of [expected, actual])
      if (!canonical.includes(label) && label !== 'none') extra.add(label);
  }
  return { labels: [...canonical, ...[...extra].sort(), 'none'], counts };
}

export function cell(matrix: ConfusionMatrix, expected: string, actual: string): number {
  return matrix.counts[expected]?.[actual] ?? 0;
}

export function formatRate(rate: number | null, digits = 1): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(digits)}%`;
}
