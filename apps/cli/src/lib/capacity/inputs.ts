import { z } from "zod";
import { CEILING_IDS, type CeilingId, type Ceilings, defaultCeilings } from "./ceilings";
import { FIGURES, type FigureName } from "./figures";
import { listPrices, PRICE_IDS, type PriceId, type Prices } from "./prices";

/**
 * What the capacity model takes: every figure (figures.ts gives the defaults), the unit prices
 * (prices.ts) and the ceilings (ceilings.ts), checked with zod. Text from flags ("300_000_000",
 * "0.65") becomes numbers here; a wrong value is refused with the flag that gave it.
 */

/** "300_000_000", "300,000,000" and "3e8" are all 300 million; anything else stays itself for zod to refuse. */
const toNumber = (value: unknown) => {
  if (typeof value !== "string") return value;
  const text = value.trim().replace(/[_,]/g, "");
  const n = text === "" ? Number.NaN : Number(text);
  return Number.isNaN(n) ? value : n;
};

interface Range {
  readonly min?: number;
  /** The minimum itself is not allowed (a rate of 0, a turnout of 0). */
  readonly above?: number;
  readonly max?: number;
  readonly whole?: boolean;
}

export function numberIn({ min, above, max, whole }: Range) {
  const kind = whole ? "a whole number" : "a number";
  const bounds = [
    above !== undefined ? `above ${above}` : min !== undefined ? `at least ${min}` : "",
    max !== undefined ? `at most ${max}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const expected = bounds ? `${kind} ${bounds}` : kind;
  const fits = (n: number) =>
    Number.isFinite(n) &&
    (!whole || Number.isInteger(n)) &&
    (above === undefined || n > above) &&
    (min === undefined || n >= min) &&
    (max === undefined || n <= max);
  return z.preprocess(
    toNumber,
    z
      .number({ error: (issue) => `must be ${expected}, not ${JSON.stringify(issue.input)}` })
      .refine(fits, { error: (issue) => `must be ${expected}, not ${String(issue.input)}` }),
  );
}

const figure = (name: FigureName, range: Range) => numberIn(range).default(FIGURES[name].value);

/** DynamoDB's largest item. */
const MAX_ITEM_BYTES = 400 * 1024;

export const capacityInputsSchema = z.object({
  voters: figure("voters", { min: 1, whole: true }),
  peakRps: figure("peakRps", { above: 0 }),
  requestsPerCast: figure("requestsPerCast", { min: 1 }),
  turnout: figure("turnout", { above: 0, max: 1 }),
  pollingHours: figure("pollingHours", { above: 0, max: 744 }),
  peakToMean: figure("peakToMean", { min: 1 }),
  peakHours: figure("peakHours", { min: 0, max: 744 }),
  /** Concurrent SSE watchers; absent: watcherShare of the voters. */
  watchers: numberIn({ min: 0, whole: true }).optional(),
  watcherShare: figure("watcherShare", { min: 0, max: 1 }),
  watchHours: figure("watchHours", { min: 0, max: 744 }),

  castsPerTaskSecond: figure("castsPerTaskSecond", { above: 0 }),
  otherRequestCost: figure("otherRequestCost", { min: 0 }),
  taskVcpu: figure("taskVcpu", { above: 0 }),
  taskMemoryGb: figure("taskMemoryGb", { above: 0 }),
  targetCpu: figure("targetCpu", { above: 0, max: 1 }),
  zones: figure("zones", { min: 2, whole: true }),
  ceilingMargin: figure("ceilingMargin", { min: 0 }),

  watchersPerTask: figure("watchersPerTask", { min: 1, whole: true }),
  watcherKb: figure("watcherKb", { above: 0 }),
  resultsTaskVcpu: figure("resultsTaskVcpu", { above: 0 }),
  resultsTaskMemoryGb: figure("resultsTaskMemoryGb", { above: 0 }),
  snapshotIntervalMs: figure("snapshotIntervalMs", { above: 0 }),
  frameBytes: figure("frameBytes", { min: 1, whole: true }),

  voteItemBytes: figure("voteItemBytes", { min: 1, max: MAX_ITEM_BYTES, whole: true }),
  readsPerCast: figure("readsPerCast", { min: 0 }),
  regions: figure("regions", { min: 1, max: 30, whole: true }),
  electionItemBytes: figure("electionItemBytes", { min: 1, max: MAX_ITEM_BYTES, whole: true }),
  electionRefreshMs: figure("electionRefreshMs", { above: 0 }),
  // One transaction holds 100 items, one of them the checkpoint.
  tallyCounters: figure("tallyCounters", { min: 1, max: 99, whole: true }),
  tallyShards: figure("tallyShards", { min: 1, max: 1000, whole: true }),
  // GetRecords returns at most 1,000 records.
  aggregatorBatchRecords: figure("aggregatorBatchRecords", { min: 1, max: 1000, whole: true }),

  otherServicesVcpu: figure("otherServicesVcpu", { min: 0 }),
  otherServicesMemoryGb: figure("otherServicesMemoryGb", { min: 0 }),
  baselineVcpu: figure("baselineVcpu", { min: 0 }),
  baselineMemoryGb: figure("baselineMemoryGb", { min: 0 }),

  prices: z.object(
    Object.fromEntries(PRICE_IDS.map((id) => [id, numberIn({ min: 0 })])) as Record<
      PriceId,
      ReturnType<typeof numberIn>
    >,
  ),
  ceilings: z.object(
    Object.fromEntries(CEILING_IDS.map((id) => [id, numberIn({ above: 0 })])) as Record<
      CeilingId,
      ReturnType<typeof numberIn>
    >,
  ),
});

export type CapacityInputs = Omit<z.output<typeof capacityInputsSchema>, "prices" | "ceilings"> & {
  readonly prices: Prices;
  readonly ceilings: Ceilings;
};

/** The figures a flag or `--set` may give, by the name people type (`peak-rps`). */
export type FigureInputs = Partial<Record<Exclude<keyof CapacityInputs, "prices" | "ceilings">, unknown>>;

export interface RawCapacityInputs {
  readonly figures: FigureInputs;
  /** `--price <id>=<usd>`, each as typed. */
  readonly prices?: readonly string[];
  /** `--limit <id>=<value>`, each as typed. */
  readonly limits?: readonly string[];
  /** `--set <figure>=<value>`, each as typed. */
  readonly sets?: readonly string[];
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

/** `peakRps` ↔ `peak-rps`: a figure's name as a flag. */
export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export const SETTABLE = Object.keys(capacityInputsSchema.shape)
  .filter((key) => key !== "prices" && key !== "ceilings")
  .map(kebab);

/**
 * Checks everything the command was given. Problems come back as values, each naming the flag to
 * change: `--turnout: must be a number above 0 and at most 1, not 1.5.`
 */
export function parseCapacityInputs(raw: RawCapacityInputs): Parsed<CapacityInputs> {
  const problems: string[] = [];
  const sets = assignments(raw.sets ?? [], "--set", SETTABLE, problems);
  const figures: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(sets)) figures[camel(name)] = value;
  for (const [key, value] of Object.entries(raw.figures)) {
    if (value === undefined) continue;
    if (key in figures)
      problems.push(`--${kebab(key)} and --set ${kebab(key)}=… both give ${kebab(key)}: give it once.`);
    figures[key] = value;
  }
  const prices = { ...listPrices(), ...assignments(raw.prices ?? [], "--price", PRICE_IDS, problems) };
  const ceilings = { ...defaultCeilings(), ...assignments(raw.limits ?? [], "--limit", CEILING_IDS, problems) };

  const parsed = capacityInputsSchema.safeParse({ ...figures, prices, ceilings });
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      problems.push(`${flagOf(issue.path.map(String), sets)}: ${issue.message}.`);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}

/** The flag that gave the value at `path`: `--turnout`, `--set zones`, `--price fargate-vcpu`. */
function flagOf([first = "", second]: string[], sets: Record<string, string>): string {
  if (first === "prices") return `--price ${second}`;
  if (first === "ceilings") return `--limit ${second}`;
  return kebab(first) in sets ? `--set ${kebab(first)}` : `--${kebab(first)}`;
}

/** `id=value` pairs; an unknown id or a pair without `=` is a problem naming the ids there are. */
function assignments(
  pairs: readonly string[],
  flag: string,
  ids: readonly string[],
  problems: string[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const id = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (at < 0 || !ids.includes(id)) {
      problems.push(
        `${flag} ${pair}: ${at < 0 ? "write it as <id>=<value>" : `there is no ${JSON.stringify(id)}`}; the ids are ${ids.join(", ")}.`,
      );
      continue;
    }
    if (id in result) problems.push(`${flag} ${id} is given twice: give it once.`);
    result[id] = pair.slice(at + 1);
  }
  return result;
}
