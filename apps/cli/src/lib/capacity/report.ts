import { COST_ASSUMPTIONS, type CostEstimate, costEstimate } from "./cost";
import { FIGURES, NEW_TABLE_WARM } from "./figures";
import type { CapacityInputs } from "./inputs";
import { type LimitRanking, rankLimits } from "./limits";
import type { LoadtestFigure } from "./loadtest-report";
import { type CapacityModel, capacityModel } from "./model";
import { PRICE_IDS, PRICE_LIST, type PriceId } from "./prices";

/** Where the per-task cost came from. */
export type PerTaskSource =
  | { readonly kind: "measured"; readonly note: string }
  | { readonly kind: "flag"; readonly note: string }
  | { readonly kind: "loadtest"; readonly note: string; readonly loadtest: LoadtestFigure };

/** What `election capacity --json` prints: the inputs as resolved, and everything derived from them. */
export interface CapacityReport {
  readonly target: { readonly voters: number; readonly peakRps: number; readonly watchers: number };
  readonly perTask: PerTaskSource & { readonly castsPerTaskSecond: number };
  readonly inputs: CapacityInputs;
  readonly model: CapacityModel;
  readonly cost: CostEstimate & {
    readonly priceList: {
      readonly region: string;
      readonly takenOn: string;
      /** The ids given with --price: the total is not the list's alone. */
      readonly overridden: readonly PriceId[];
      readonly prices: Record<PriceId, { readonly usd: number; readonly per: string; readonly page: string }>;
    };
    readonly assumptions: readonly string[];
  };
  readonly limits: LimitRanking;
  /** What the figures imply that a table does not say. */
  readonly notes: readonly string[];
}

export function capacityReport(inputs: CapacityInputs, perTask: PerTaskSource): CapacityReport {
  const model = capacityModel(inputs);
  const limits = rankLimits(inputs);
  return {
    target: { voters: inputs.voters, peakRps: inputs.peakRps, watchers: model.fanOut.watchers },
    perTask: { ...perTask, castsPerTaskSecond: inputs.castsPerTaskSecond },
    inputs,
    model,
    cost: {
      ...costEstimate(inputs, model),
      priceList: {
        region: PRICE_LIST.region,
        takenOn: PRICE_LIST.takenOn,
        overridden: PRICE_IDS.filter((id) => inputs.prices[id] !== PRICE_LIST.prices[id].usd),
        prices: Object.fromEntries(
          PRICE_IDS.map((id) => [id, { ...PRICE_LIST.prices[id], usd: inputs.prices[id] }]),
        ) as CapacityReport["cost"]["priceList"]["prices"],
      },
      assumptions: COST_ASSUMPTIONS,
    },
    limits,
    notes: notes(inputs, model),
  };
}

/** The per-task figure's provenance when no load test gave it. */
export function perTaskFromFlags(given: boolean): PerTaskSource {
  return given
    ? { kind: "flag", note: "given with --casts-per-task-second" }
    : { kind: "measured", note: FIGURES.castsPerTaskSecond.source };
}

const whole = (n: number) => Math.ceil(n).toLocaleString("en-US");

function notes(inputs: CapacityInputs, model: CapacityModel): string[] {
  const { votes, peak } = model;
  const found: string[] = [];
  if (peak.setBy === "turnout")
    found.push(
      `The turnout shape sets the peak: ${whole(peak.castsPerSecondFromTurnout)} casts/s, more than --peak-rps gives (${whole(peak.castsPerSecondFromPeakRps)}).`,
    );
  if (votes.warmThroughputNeeded)
    found.push(
      `The votes table needs warm throughput of at least ${whole(votes.writeUnitsPerSecond)} writes/s and ${whole(votes.readUnitsPerSecond)} reads/s in every Region before polls open: a new on-demand table takes ${NEW_TABLE_WARM.writeUnitsPerSecond.toLocaleString("en-US")} and ${NEW_TABLE_WARM.readUnitsPerSecond.toLocaleString("en-US")} at once, and at most twice a previous peak.`,
    );
  if (votes.bytesToNextWriteUnit < 128)
    found.push(
      `A vote item is ${votes.itemBytes.toLocaleString("en-US")} bytes: ${votes.bytesToNextWriteUnit} more (a longer ballot, longer ids, more review evidence) and each put costs ${votes.writeUnitsPerPut + 1} write units, not ${votes.writeUnitsPerPut}: the votes' write units, partitions and write cost grow ×${((votes.writeUnitsPerPut + 1) / votes.writeUnitsPerPut).toLocaleString("en-US", { maximumFractionDigits: 2 })}.`,
    );
  if (inputs.regions > 1)
    found.push(
      `Replicated writes: ${whole(votes.replicatedWriteUnitsPerExtraRegion)} per second in each of ${inputs.regions - 1} more Regions. Multi-Region strong consistency fits the votes table only: it refuses transactions (the aggregator commits tallies and checkpoints in one) and TTL (the nonces table's expiry), so those stay eventually consistent.`,
    );
  if (inputs.taskVcpu > 1 && inputs.castsPerTaskSecond === FIGURES.castsPerTaskSecond.value)
    found.push(
      `The measured figure is one Node process's, and a task runs one process: its ${inputs.taskVcpu} vCPU are paid for while about one is busy. Measure a task on Fargate (election loadtest against staging, then --from) before buying them.`,
    );
  return found;
}
