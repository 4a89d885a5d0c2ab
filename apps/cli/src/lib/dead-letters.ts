import { Errors } from "@oclif/core";
import { type Config, loadConfig, required } from "@landslide/config";
import {
  type DeadLetter,
  type DeadLetterQueue,
  describeDeadLetterReason,
  signedChangesOnly,
  votingDeadline,
} from "@landslide/vote-engine";
import {
  createDynamoDbClient,
  DynamoDbTallyStore,
  redriveDeadLetters,
  type RedriveReport,
  tableNames,
} from "@landslide/vote-engine/dynamodb";
import { nodeEntropy, nodeKeys, nodeRecordVerifier, readKeyFile } from "@landslide/vote-engine/node-crypto";
import {
  connectControlPlane,
  ElectionsRepository,
  PostgresAuditLog,
  PostgresFraudCaseSink,
} from "@landslide/vote-engine/postgres";
import { createSqsClient, deadLetterQueueUrl, SqsDeadLetterQueue } from "@landslide/vote-engine/sqs";
import { EXIT, isUnreachable } from "./public-client";

/**
 * The aggregator's dead letters as an operator reaches them: straight to the deployment's SQS
 * queue, DynamoDB and control-plane database with the AWS SDK, from the loaded configuration
 * (the local stack by default; LANDSLIDE_STACK=aws with the same settings as the aggregator's).
 */

/** How long a listing hides what it reads from other readers; it shows them again when done. */
const LISTING_HIDE_SECONDS = 60;

export interface ListedLetter {
  readonly sequenceNumber: string;
  readonly code: string;
  /** The code in plain words. */
  readonly meaning: string;
  /** The code and exactly what failed, as the aggregator wrote it. */
  readonly reason: string;
  readonly electionId: string | null;
  /** How many messages carry it: more than one after a crash between sending and committing (harmless). */
  readonly copies: number;
}

export function openDeadLetterQueue(config: Config = loadConfig()) {
  const url = required(
    deadLetterQueueUrl(config),
    "LANDSLIDE_AGGREGATOR_DLQ_URL",
    "the URL of the aggregator's SQS dead-letter queue (ServicesStack's AggregatorDeadLetterQueue)",
  );
  const sqs = createSqsClient({ region: config.aws.region, endpoint: config.aws.sqsEndpoint });
  return { url, queue: new SqsDeadLetterQueue(sqs, url), close: () => sqs.destroy() };
}

/** Every letter in the queue, once each, oldest record first; the queue keeps them all. */
export async function listDeadLetters(queue: DeadLetterQueue): Promise<ListedLetter[]> {
  const seen = new Set<string>();
  const receipts: string[] = [];
  const bySequence = new Map<string, { letter: DeadLetter; copies: number }>();
  try {
    for (;;) {
      const page = await queue.receive({ hideSeconds: LISTING_HIDE_SECONDS, waitSeconds: 1 });
      receipts.push(...page.map((p) => p.receipt));
      const fresh = page.filter((p) => !seen.has(p.id));
      if (fresh.length === 0) break;
      for (const { letter, id } of fresh) {
        seen.add(id);
        const key = letter.sequenceNumber || id;
        const entry = bySequence.get(key);
        if (entry) entry.copies += 1;
        else bySequence.set(key, { letter, copies: 1 });
      }
    }
  } finally {
    // Visible again at once: a listing changes nothing.
    await queue.release(receipts);
  }
  return [...bySequence.values()]
    .map(({ letter, copies }) => ({
      sequenceNumber: letter.sequenceNumber,
      code: letter.code,
      meaning: describeDeadLetterReason(letter.code),
      reason: letter.reason,
      electionId: letter.electionId ?? null,
      copies,
    }))
    .sort((a, b) => compareSequences(a.sequenceNumber, b.sequenceNumber));
}

/**
 * Re-drives the queue with the aggregator's own checks (see run-aggregator.ts): signed with the
 * receipt key of the keys file, cast before the election's voting deadline as the control plane
 * records it; a vote that passes opens its fraud case and enters the audit log as the aggregator's would.
 */
export async function redriveQueue(config: Config = loadConfig()): Promise<RedriveReport> {
  const keys = nodeKeys(readKeyFile(config.keysFile));
  const { queue, close } = openDeadLetterQueue(config);
  const dynamodb = createDynamoDbClient({ region: config.aws.region, endpoint: config.aws.dynamodbEndpoint });
  const controlPlane = connectControlPlane(config.database.url);
  try {
    const elections = new ElectionsRepository(controlPlane.db);
    return await redriveDeadLetters({
      queue,
      tallies: new DynamoDbTallyStore(
        dynamodb,
        { tallies: tableNames(config.aws.tablePrefix).tallies },
        config.aws.tallyShards,
      ),
      admit: signedChangesOnly(nodeRecordVerifier([keys.receiptPublicKey])),
      deadlineOf: async (electionId) => {
        const election = await elections.get(electionId);
        return election ? votingDeadline(election) : null;
      },
      fraudCases: new PostgresFraudCaseSink(controlPlane.db),
      countedBallots: new PostgresAuditLog(controlPlane.db, nodeEntropy.sha256),
    });
  } finally {
    close();
    dynamodb.destroy();
    await controlPlane.close();
  }
}

/** A store that does not answer becomes one line saying which, and exit code 4. */
export async function reachingStores<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    throw new Errors.CLIError(
      `Cannot reach ${what}. Start the local stack with 'npm run dev', or point LANDSLIDE_AGGREGATOR_DLQ_URL (and LANDSLIDE_SQS_ENDPOINT, LANDSLIDE_DYNAMODB_ENDPOINT, DATABASE_URL) at the deployment's.`,
      { exit: EXIT.unreachable },
    );
  }
}

/** How many by reason code, for "still failing 3 (UNSIGNED_RECORD 2, LATE_CAST 1)". */
export function countByReason(letters: ReadonlyArray<{ readonly code: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { code } of letters) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/** Stream sequence numbers are decimal strings of varying length: shorter is older. */
function compareSequences(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}
