import { generateKeyMaterial, nodeEntropy, nodeKeys, nodeRecordVerifier } from "../src/adapters/node-crypto";
import { signedChangesOnly } from "../src/tally/admit-change";
import { InMemoryElections } from "../src/adapters/memory";
import { demoElection } from "../src/election/demo";
import type { Clock, VoteStore } from "../src/ports";
import type { CastVoteDependencies } from "../src/vote/cast-vote";

export const fixedClock = (iso = "2026-11-25T12:00:00.000Z"): Clock => ({ now: () => new Date(iso) });

export const clock = fixedClock();
export const election = demoElection({ now: () => new Date("2026-11-20T00:00:00.000Z") });
export const keyMaterial = generateKeyMaterial();
export const keys = nodeKeys(keyMaterial);
/** Counts only what these keys signed, as the aggregator and recounts do. */
export const verifyRecord = nodeRecordVerifier([keys.receiptPublicKey]);
export const admitSigned = signedChangesOnly(verifyRecord);

export function castDependencies(
  votes: VoteStore,
  overrides: Partial<CastVoteDependencies> = {},
): CastVoteDependencies {
  return { elections: new InMemoryElections([election]), votes, keys, entropy: nodeEntropy, clock, ...overrides };
}

/** A valid ballot for the demo election; `variant` picks different but valid choices. */
export function demoBallot(variant = 0) {
  const mascots = ["heron", "otter", "fox"];
  const rankings = [["ada", "bruno"], ["chen"], ["dolores", "ada", "chen", "bruno"]];
  return {
    answers: {
      mascot: { choices: [mascots[variant % 3]!] },
      parks: { choices: variant % 2 === 0 ? ["hilltop", "riverside"] : ["oakwood"] },
      "council-chair": { choices: rankings[variant % 3]! },
    },
  };
}

export const idempotencyKey = (n: number | string) => `idem-key-${String(n).padStart(8, "0")}`;
