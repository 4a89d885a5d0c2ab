import { existsSync } from "node:fs";
import { join } from "node:path";
import { startCognitoLocal } from "./cognito-local";
import { type RunningServer, startDynamoDbLocal } from "./dynamodb-local";
import { type RunningPostgres, startEmbeddedPostgres } from "./postgres-server";
import { startSesLocal } from "./ses-local";

export interface LocalServersOptions {
  readonly ports: {
    readonly dynamodb: number;
    readonly cognito: number;
    readonly postgres: number;
    readonly ses: number;
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
  /** Things the operator should hear about once (an earlier PGlite database left beside the new one). */
  readonly notices: readonly string[];
  stop(): Promise<void>;
}

/** Starts the stand-ins for AWS side by side; if one fails, the others are stopped again. */
export async function startLocalServers(options: LocalServersOptions): Promise<LocalServers> {
  const under = (folder: string) => (options.dataDir === null ? null : join(options.dataDir, folder));
  const log = (name: string) => (options.logDir ? { logFile: join(options.logDir, `${name}.log`) } : {});
  const [dynamodb, cognito, postgres, ses] = await Promise.allSettled([
    startDynamoDbLocal({ port: options.ports.dynamodb, dataDir: under("dynamodb"), ...log("dynamodb-local") }),
    startCognitoLocal({
      port: options.ports.cognito,
      dataDir: under("cognito") ?? join(options.scratchDir, "cognito"),
      ...log("cognito-local"),
    }),
    startEmbeddedPostgres({ port: options.ports.postgres, dataDir: under("postgres"), ...log("postgres") }),
    // Its mailbox is kept in memory only: a restart empties it, as nothing in it is needed again.
    startSesLocal({ port: options.ports.ses, ...log("aws-ses-v2-local") }),
  ]);
  if (
    dynamodb.status === "fulfilled" &&
    cognito.status === "fulfilled" &&
    postgres.status === "fulfilled" &&
    ses.status === "fulfilled"
  ) {
    const servers = { dynamodb: dynamodb.value, cognito: cognito.value, postgres: postgres.value, ses: ses.value };
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
  const started = [dynamodb, cognito, postgres, ses];
  await Promise.all(started.flatMap((result) => (result.status === "fulfilled" ? [result.value.stop()] : [])));
  const failure = started.find((result) => result.status === "rejected");
  throw failure?.reason;
}
