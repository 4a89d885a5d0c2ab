import type { Quantile } from "./histogram-quantile";

/** "12 ms", "0.8 ms", "over 2,500 ms" (beyond the histogram's last bound), "—" (no cast to measure). */
export function formatLatency(q: Quantile | undefined): string {
  if (!q) return "—";
  const ms = q.seconds * 1000;
  const text = `${ms.toLocaleString("en", { maximumFractionDigits: ms < 10 ? 1 : 0 })} ms`;
  return q.beyondLastBound ? `over ${text}` : text;
}

/** Votes per second: one decimal, as a count it would be too coarse at low traffic. */
export function formatRate(perSecond: number): string {
  return perSecond.toLocaleString("en", { maximumFractionDigits: 1 });
}

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}

/** "0 s", "1.4 s behind". */
export function formatLag(seconds: number | undefined): string {
  return seconds === undefined ? "not reported" : `${seconds.toLocaleString("en", { maximumFractionDigits: 1 })} s`;
}

/** The services by the names operators know them by (their ids are for logs and metrics). */
export const SERVICE_LABELS: Record<string, string> = {
  "vote-api": "Vote API",
  "control-api": "Control API",
  results: "Results fan-out",
  aggregator: "Aggregator",
};

export function serviceLabel(service: string): string {
  return SERVICE_LABELS[service] ?? service;
}
