/** Latency percentiles (nearest rank), in milliseconds rounded to 0.1; zeros when nothing was measured. */
export function percentiles(samples: readonly number[]): { p50: number; p95: number; p99: number; max: number } {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
  return { p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}
