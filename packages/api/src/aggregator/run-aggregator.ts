import {
  createDynamoDbStreamsClient,
  DynamoDbTallyStore,
  DynamoDbVoteStore,
  StreamAggregator,
} from "@landslide/vote-engine/dynamodb";
import {
  AuditTrail,
  ElectionsRepository,
  PostgresAuditLog,
  PostgresFraudCaseSink,
} from "@landslide/vote-engine/postgres";
import { createSqsClient, deadLetterQueueUrl, SqsDeadLetterQueue } from "@landslide/vote-engine/sqs";
import { required } from "@landslide/config";
import { signedChangesOnly, STOP_NOTICE_MS, votingDeadline } from "@landslide/vote-engine";
import { nodeEntropy, nodeKeys, nodeRecordVerifier, readKeyFile } from "@landslide/vote-engine/node-crypto";
import { promiseCache } from "../promise-cache";
import { CoordinationWatch } from "./coordination-watch";
import { epochSealer } from "./epoch-sealer";
import { LagPublisher } from "./lag-metric";
import type { Metrics } from "../http/metrics";
import type { Logger } from "../logger";
import type { Dependencies } from "../services/dependencies";

const IDLE_WAIT_MS = 250;
/** Well under STOP_NOTICE_MS (see the deadline cache below). */
const DEADLINE_CACHE_MS = STOP_NOTICE_MS / 2;
const ERROR_WAIT_MS = 2000;

/**
 * The aggregator's loop: drain the votes stream into tallies and fraud cases, wait a little when
 * caught up, back off after an error. A crash anywhere is safe: the next start resumes from the
 * checkpoints, and nothing is counted twice.
 */
export function runAggregator(deps: Dependencies, logger: Logger, metrics: Metrics): { stop(): Promise<void> } {
  const { config } = deps;
  const streams = createDynamoDbStreamsClient({ region: config.aws.region, endpoint: config.aws.dynamodbEndpoint });
  const tallies = new DynamoDbTallyStore(deps.dynamodb, { tallies: deps.tables.tallies }, config.aws.tallyShards);
  // Records that may not count wait there for an operator's re-drive (election dead-letters).
  const sqs = createSqsClient({ region: config.aws.region, endpoint: config.aws.sqsEndpoint });
  const deadLetters = new SqsDeadLetterQueue(
    sqs,
    required(
      deadLetterQueueUrl(config),
      "LANDSLIDE_AGGREGATOR_DLQ_URL",
      "the URL of the aggregator's SQS dead-letter queue",
    ),
  );
  const auditLog = new PostgresAuditLog(deps.controlPlane().db, nodeEntropy.sha256);
  const elections = new ElectionsRepository(deps.controlPlane().db);
  // Read once per election per DEADLINE_CACHE_MS, not once per page of records. Safe because a stop
  // is recorded STOP_NOTICE_MS ahead: a ballot cast at or after it arrives after any copy read
  // before the stop has expired.
  const cachedDeadline = promiseCache<Date | null>(DEADLINE_CACHE_MS);
  const aggregator = new StreamAggregator({
    dynamodb: deps.dynamodb,
    streams,
    votesTable: deps.tables.votes,
    tallies,
    deadLetters,
    // Only rows the vote API signed count; the aggregator needs the receipt key's public half only.
    admit: signedChangesOnly(nodeRecordVerifier([nodeKeys(readKeyFile(config.keysFile)).receiptPublicKey])),
    // ...and only if cast before voting stopped, whichever task took it.
    deadlineOf: (electionId) =>
      cachedDeadline(electionId, async () => {
        const election = await elections.get(electionId);
        return election ? votingDeadline(election) : null;
      }),
    fraudCases: new PostgresFraudCaseSink(deps.controlPlane().db),
    countedBallots: auditLog,
    // Over every task's votes: holds a coordinated group's members counted before it showed.
    observer: new CoordinationWatch({
      votes: new DynamoDbVoteStore(deps.dynamodb, deps.tables.votes),
      audit: new AuditTrail(deps.controlPlane().db),
      logger,
    }),
  });
  const sealer = epochSealer(deps, auditLog);
  const lag = new LagPublisher(config.environment);
  let running = true;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (running) {
      try {
        const report = await aggregator.drainOnce();
        metrics.aggregatorRecords.inc({ result: "applied" }, report.applied);
        metrics.aggregatorRecords.inc({ result: "dead-lettered" }, report.deadLettered);
        for (const [reason, n] of Object.entries(report.rejected)) metrics.aggregatorRejected.inc({ reason }, n);
        const lagSeconds = report.maxLagMs / 1000;
        metrics.aggregatorLag.set(lagSeconds);
        const lagRecord = lag.observe(lagSeconds, new Date());
        if (lagRecord) logger.info(lagRecord, "aggregator lag");
        if (report.applied > 0 || report.deadLettered > 0 || report.refusedReplays > 0)
          logger.info(report, "applied change records");
        const sealed = await sealer.sealDue();
        for (const { statement } of sealed)
          logger.info(
            {
              electionId: statement.electionId,
              epoch: statement.epoch,
              records: statement.lastSeq - statement.firstSeq + 1,
            },
            "sealed an audit epoch",
          );
        if (report.applied === 0) await pause(IDLE_WAIT_MS);
      } catch (error) {
        if (!running) break;
        logger.error({ err: error }, "draining the votes stream failed; retrying");
        await pause(ERROR_WAIT_MS);
      }
    }
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      streams.destroy();
      sqs.destroy();
    },
  };
}
