import { readKeyFile, nodeEntropy, nodeKeys } from "@landslide/vote-engine/node-crypto";
import { DynamoDbDeviceStore, DynamoDbNonceStore, DynamoDbRateCounter, DynamoDbTallyStore, DynamoDbVoterRoll, DynamoDbVoteStore } from "@landslide/vote-engine/dynamodb";
import type { HumanCheck } from "./human-check/human-check";
import { ProofOfWorkCheck } from "./human-check/proof-of-work";
import { ElectionsRepository } from "@landslide/vote-engine/postgres";
import { type Election, type ElectionReader, systemClock } from "@landslide/vote-engine";
import { createAccessTokenVerifier } from "./auth/verify-access-token";
import { LiveResults } from "./results/live-results";
import type { Dependencies } from "./services/dependencies";
import type { Metrics } from "./http/metrics";
import { required } from "@landslide/config";

/** Election definitions change rarely; the hot path reads them from memory for this long. */
const ELECTION_CACHE_MS = 1000;

/** Everything a procedure may use, built once per process from its dependencies. */
export function createAppServices(deps: Dependencies, metrics: Metrics) {
  const { config } = deps;
  const repository = () => new ElectionsRepository(deps.controlPlane().db);
  const clientIds = [config.cognito.voterClientId, config.cognito.consoleClientId, config.cognito.cliClientId].filter((id): id is string => !!id);
  let material: ReturnType<typeof readKeyFile> | undefined;
  let keys: ReturnType<typeof nodeKeys> | undefined;
  let humanCheck: HumanCheck | undefined;
  const keyMaterial = () => (material ??= readKeyFile(config.keysFile));
  const tallies = new DynamoDbTallyStore(deps.dynamodb, { tallies: deps.tables.tallies, deadLetters: deps.tables["dead-letters"] }, config.aws.tallyShards);
  const nonces = new DynamoDbNonceStore(deps.dynamodb, deps.tables.nonces);
  return {
    metrics,
    /** Where clients reach this API: device proofs name it. */
    publicUrl: config.urls.voteApi,
    nonces,
    devices: new DynamoDbDeviceStore(deps.dynamodb, deps.tables.devices),
    clock: systemClock,
    entropy: nodeEntropy,
    /** Loaded on first use: only the vote API signs receipts. */
    keys: () => (keys ??= nodeKeys(keyMaterial())),
    humanCheck: () =>
      (humanCheck ??= new ProofOfWorkCheck({
        secret: keyMaterial().voterKeySecret,
        nonces,
        clock: systemClock,
        difficulty: () => config.challengeMaxNumber,
      })),
    elections: cachedElections({ get: (id) => repository().get(id) }),
    repository,
    votes: new DynamoDbVoteStore(deps.dynamodb, deps.tables.votes),
    voterRoll: new DynamoDbVoterRoll(deps.dynamodb, deps.tables["voter-rolls"]),
    tallies,
    rateCounter: new DynamoDbRateCounter(deps.dynamodb, deps.tables.nonces),
    castRateRules: [
      { scope: "ip", limit: config.castLimits.perIpBlockPerMinute, windowSeconds: 60 },
      { scope: "account", limit: config.castLimits.perAccountPerMinute, windowSeconds: 60 },
    ] as const,
    liveResults: new LiveResults(tallies, systemClock),
    verifyAccessToken: createAccessTokenVerifier({
      issuer: deps.issuer(),
      clientIds: clientIds.length > 0 ? clientIds : [required<string>(undefined, "LANDSLIDE_COGNITO_VOTER_CLIENT_ID", "the app client ids printed by provisioning")],
    }),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;

function cachedElections(source: ElectionReader): ElectionReader & { forget(id: string): void } {
  const cache = new Map<string, { at: number; election: Promise<Election | undefined> }>();
  return {
    get(id) {
      const hit = cache.get(id);
      if (hit && Date.now() - hit.at < ELECTION_CACHE_MS) return hit.election;
      const election = source.get(id);
      cache.set(id, { at: Date.now(), election });
      election.catch(() => cache.delete(id));
      return election;
    },
    forget: (id) => void cache.delete(id),
  };
}
