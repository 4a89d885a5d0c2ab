import { existsSync } from "node:fs";
import { join } from "node:path";
import { startCephS3 } from "./ceph-s3";
import { freePort, freePortBelowEphemeralRange } from "./ports";
import { startCognitoLocal } from "./cognito-local";
import { type RunningServer, startDynamoDbLocal } from "./dynamodb-local";
import { type RunningPostgres, startEmbeddedPostgres } from "./postgres-server";
import { startSesLocal } from "./ses-local";
import { startSqsLocal } from "./sqs-local";

export interface LocalServersOptions {
  readonly ports: {
    readonly dynamodb: number;
    readonly cognito: number;
    readonly postgres: number;
    readonly ses: number;
    readonly s3: number;
    readonly sqs: number;
  };
  /** Persistent data lives here; null runs DynamoDB and Postgres in memory (cognito-local still needs a folder). */
  readonly dataDir: string | null;
  readonly scratchDir: string;
  readonly logDir?: string;
}

export interface LocalServers {
  readonly dynamodb: RunningServer;
  readonly cognito: RunningServer;
  readonly postgres: RunningPostgres;
  /** The local SES: what the services "send" waits in its mailbox (its endpoint, in a browser). */
  readonly ses: RunningServer;
  /** The local S3 (Ceph's radosgw): the audit archive, with Object Lock enforced; in memory. */
  readonly s3: RunningServer;
  /** The local SQS (local-aws-sqs): the aggregator's dead-letter queue; in memory. */
  readonly sqs: RunningServer;
  /** Things the operator should hear about once (an earlier PGlite database left beside the new one). */
  readonly notices: readonly string[];
  stop(): Promise<void>;
}

/** A free port for each stand-in, for a stack of its own beside others (tests, benchmarks). */
export async function freeServerPorts(): Promise<LocalServersOptions["ports"]> {
  return {
    dynamodb: await freePort(),
    cognito: await freePort(),
    postgres: await freePort(),
    ses: await freePort(),
    // Ceph's gateway binds its port seconds after it is chosen: one a neighbour's listen(0) cannot get.
    s3: await freePortBelowEphemeralRange(),
    sqs: await freePort(),
  };
}

/** Starts the stand-ins for AWS side by side; if one fails, the others are stopped again. */
export async function startLocalServers(options: LocalServersOptions): Promise<LocalServers> {
  const under = (folder: string) => (options.dataDir === null ? null : join(options.dataDir, folder));
  const log = (name: string) => (options.logDir ? { logFile: join(options.logDir, `${name}.log`) } : {});
  const [dynamodb, cognito, postgres, ses, s3, sqs] = await Promise.allSettled([
    startDynamoDbLocal({ port: options.ports.dynamodb, dataDir: under("dynamodb"), ...log("dynamodb-local") }),
    startCognitoLocal({
      port: options.ports.cognito,
      dataDir: under("cognito") ?? join(options.scratchDir, "cognito"),
      ...log("cognito-local"),
    }),
    startEmbeddedPostgres({ port: options.ports.postgres, dataDir: under("postgres"), ...log("postgres") }),
    // Its mailbox is kept in memory only: a restart empties it, as nothing in it is needed again.
    startSesLocal({ port: options.ports.ses, ...log("aws-ses-v2-local") }),
    // In memory too: a restarted stack's aggregator archives every sealed epoch again from the log.
    startCephS3({ port: options.ports.s3, scratchDir: options.scratchDir }),
    startSqsLocal({ port: options.ports.sqs, ...log("local-aws-sqs") }),
  ]);
  if (
    dynamodb.status === "fulfilled" &&
    cognito.status === "fulfilled" &&
    postgres.status === "fulfilled" &&
    ses.status === "fulfilled" &&
    s3.status === "fulfilled" &&
    sqs.status === "fulfilled"
  ) {
    const servers = {
      dynamodb: dynamodb.value,
      cognito: cognito.value,
      postgres: postgres.value,
      ses: ses.value,
      s3: s3.value,
      sqs: sqs.value,
    };
    // Earlier versions kept Postgres in PGlite's own format, which PostgreSQL cannot open: the new
    // cluster starts empty beside it (provisioning seeds it again), said once, when it is created.
    const pglite = under("pglite");
    const notices =
      pglite !== null && postgres.value.created && existsSync(pglite)
        ? [
            `An earlier PGlite database is left untouched in ${pglite}; the control plane now starts fresh in PostgreSQL. Remove that folder once you no longer need it.`,
          ]
        : [];
    return {
      ...servers,
      notices,
      stop: async () => {
        await Promise.all(Object.values(servers).map((server) => server.stop()));
      },
    };
  }
  const started = [dynamodb, cognito, postgres, ses, s3, sqs];
  await Promise.all(started.flatMap((result) => (result.status === "fulfilled" ? [result.value.stop()] : [])));
  const failure = started.find((result) => result.status === "rejected");
  throw failure?.reason;
}
