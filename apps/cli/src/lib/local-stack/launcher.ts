import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { registerSignUpTickets } from "@landslide/local-stack";
import type { Config } from "@landslide/config";
import {
  assertCeph,
  assertJava,
  assertJavaCompiler,
  assertPortsFree,
  isPortInUse,
  type LocalServers,
  OWNER_ONLY_UMASK,
  restrictToOwner,
  startLocalServers,
} from "@landslide/local-stack";
import type { AccountCredentials } from "@landslide/vote-engine/cognito";
import { provision, provisionTargetFromConfig, type ProvisionResult } from "@landslide/vote-engine/provision";
import { systemClock } from "@landslide/vote-engine";
import type { ServiceName } from "@landslide/api/services";
import { type StackLayout, stackLayout } from "./layout";
import { exposedListeners, type Listener } from "./listeners";
import {
  type LaunchedProcess,
  launchService,
  launchWebApp,
  type ServiceCode,
  type WebAppName,
  type WebMode,
} from "./processes";
import { type PlannedPort, portPlan } from "./port-plan";
import { type RunFile, removeRunFile, writeRunFile } from "./run-file";
import { Supervisor, type SupervisorEvent } from "./supervisor";
import { waitUntilReady } from "./wait-ready";

export interface LaunchOptions {
  readonly config: Config;
  /** Wipe the data folder first: start with no elections, votes or accounts. */
  readonly fresh: boolean;
  readonly web: WebMode;
  readonly services: ServiceCode;
  readonly onStep: (step: string) => void;
  /** A process exited and will start again, or answers again after a restart. */
  readonly onSupervisorEvent: (event: SupervisorEvent) => void;
}

export interface RunningStack {
  readonly layout: StackLayout;
  readonly urls: Record<string, string>;
  readonly accounts: readonly AccountCredentials[];
  readonly provisioned: ProvisionResult;
  /** The stack's listening sockets that other machines can reach; undefined when this system cannot tell. */
  readonly exposed: readonly Listener[] | undefined;
  /** Each supervised process's pid and restarts so far. */
  readonly supervisor: Supervisor;
  /** Stops every child, web apps first and stores last, and checks that no port is left listening. */
  stop(): Promise<void>;
}

const services: readonly ServiceName[] = ["vote-api", "control-api", "results", "aggregator"];
const webAppNames: readonly WebAppName[] = ["voter-web", "console"];

/**
 * The one launcher behind `npm run dev` and `election local up`: the stand-ins for AWS, then
 * provisioning, then each service as its own process, then the web apps. Once a service or web
 * app has answered, a crash restarts it (see supervisor.ts). Of the stand-ins for AWS only
 * DynamoDB Local is restarted (in place: same port, same files), as the managed service it stands
 * for does not stay down and `election chaos` stops it to check that the services ride that out.
 */
export async function launchLocalStack(options: LaunchOptions): Promise<RunningStack> {
  const { config, onStep } = options;
  const layout = stackLayout(config.dataDir);
  const embedded = config.stack === "embedded";
  const wanted = portPlan(config, embedded, options.web);

  onStep("Checking the machine");
  if (embedded) {
    assertJava();
    assertJavaCompiler();
    await assertCeph();
  }
  await assertPortsFree(wanted, config.host);
  // Whatever the stack writes (passwords in cognito-local's database, keys, ballots, logs) is
  // for this user only: this process and every child it starts create 0700 folders, 0600 files.
  process.umask(OWNER_ONLY_UMASK);
  if (options.fresh) rmSync(layout.root, { recursive: true, force: true });
  mkdirSync(layout.logs, { recursive: true });
  // What an earlier version left readable by others (0644 databases and credentials) is closed now.
  restrictToOwner(layout.root);
  restrictToOwner(resolve(config.keysFile));

  let servers: LocalServers | undefined;
  const launched: LaunchedProcess[] = [];
  // DynamoDB Local and cognito-local once supervised: a restart replaces a child, which servers.stop() does not know.
  const standIns: LaunchedProcess[] = [];
  // The run file, once everything answered: rewritten with the supervisor's counts as they change.
  let runFile: RunFile | undefined;
  const supervisor = new Supervisor({
    onEvent: (event) => {
      if (runFile) writeRunFile(layout.runFile, { ...runFile, supervised: supervisor.snapshot() });
      options.onSupervisorEvent(event);
    },
  });
  const stopAll = async () => {
    // First, so that the exits we cause are not taken for crashes and no waiting restart fires.
    supervisor.halt();
    const children = () => launched.map((p) => supervisor.current(p));
    // Front to back: nothing should call a store that is already gone.
    await Promise.all(
      children()
        .filter((c) => webAppNames.includes(c.name as WebAppName))
        .map((c) => c.stop()),
    );
    await Promise.all(children().map((c) => c.stop()));
    await Promise.all(standIns.map((p) => supervisor.current(p).stop()));
    await servers?.stop();
    removeRunFile(layout.runFile);
  };

  try {
    if (embedded) {
      onStep("Starting DynamoDB Local, cognito-local, PostgreSQL and the local SES, S3 (Ceph) and SQS");
      servers = await startLocalServers({
        ports: {
          dynamodb: config.ports.dynamodbLocal,
          cognito: config.ports.cognitoLocal,
          postgres: config.ports.postgres,
          ses: config.ports.sesLocal,
          s3: config.ports.s3Local,
          sqs: config.ports.sqsLocal,
        },
        dataDir: layout.data,
        scratchDir: layout.scratch,
        logDir: layout.logs,
      });
    }

    for (const notice of servers?.notices ?? []) onStep(notice);
    // The embedded Postgres has a password generated with its cluster: its URL, not config's default.
    const databaseUrl = servers?.postgres.url ?? config.database.url;
    onStep("Provisioning tables, user pool, schema and demo data");
    const provisioned = await provision({
      target: { ...provisionTargetFromConfig(config), databaseUrl },
      clock: systemClock,
      demo: true,
      credentialsFile: layout.credentials,
      keysFile: resolve(config.keysFile),
    });
    // cognito-local's pre-sign-up check finds this pool's ticket key through this (startLocalServers keeps the pool under data/cognito).
    if (servers) registerSignUpTickets(join(layout.data, "cognito"), provisioned.userPoolId, resolve(config.keysFile));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LANDSLIDE_DATA_DIR: layout.root,
      DATABASE_URL: databaseUrl,
      LANDSLIDE_COGNITO_USER_POOL_ID: provisioned.userPoolId,
      LANDSLIDE_COGNITO_VOTER_CLIENT_ID: provisioned.clientIds["voter-web"],
      LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID: provisioned.clientIds.console,
      LANDSLIDE_COGNITO_CLI_CLIENT_ID: provisioned.clientIds.cli,
      // No proxy is trusted unless the operator sets LANDSLIDE_TRUSTED_PROXIES (passed on above): 'election loadtest' asks for 127.0.0.1.
    };

    // The web apps start beside the services rather than after them: they need only the
    // provisioned settings, and a page that calls a service not yet up is polled again. On a busy
    // two-core machine this took ~25 s off the time to the table (issue #20).
    const web =
      options.web === "none" ? "" : ` and the voter site and console (next ${options.web === "dev" ? "dev" : "start"})`;
    onStep(`Starting the vote API, control API, results fan-out and aggregator${web}`);
    for (const name of services) launched.push(launchService(name, options.services, config, env, layout.logs));
    if (options.web !== "none") {
      for (const name of webAppNames) launched.push(launchWebApp(name, options.web, config, env, layout.logs));
    }
    await waitUntilReady(launched);
    for (const child of launched) supervisor.watch(child);
    if (servers) {
      const { dynamodb, cognito } = servers;
      standIns.push(
        { child: dynamodb.child, url: dynamodb.endpoint, readyUrl: dynamodb.endpoint, readyOnAnyAnswer: true },
        // Restarted too when the chaos drill imports its voters (cognito-local reads its pools at start).
        { child: cognito.child, url: cognito.endpoint, readyUrl: `${cognito.endpoint}/health` },
      );
      for (const standIn of standIns) supervisor.watch(standIn);
    }

    const urls: Record<string, string> = Object.fromEntries(launched.map((p) => [p.child.name, p.url]));
    if (servers) {
      urls["dynamodb-local"] = servers.dynamodb.endpoint;
      urls["cognito-local"] = servers.cognito.endpoint;
      // Its API and, at the same address, the mailbox of every message the services "sent".
      urls["ses-local"] = servers.ses.endpoint;
      // The audit archive: sealed epochs and published bundles, under Object Lock.
      urls["s3-local"] = servers.s3.endpoint;
      // The aggregator's dead-letter queue.
      urls["sqs-local"] = servers.sqs.endpoint;
      // Printed and kept in stack.json: the address, not the password (it stays in the cluster folder).
      urls.postgres = withoutPassword(servers.postgres.url);
    }
    runFile = {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      urls,
      cognito: {
        region: config.aws.region,
        endpoint: config.aws.cognitoEndpoint,
        userPoolId: provisioned.userPoolId,
        clientIds: provisioned.clientIds,
      },
    };
    writeRunFile(layout.runFile, { ...runFile, supervised: supervisor.snapshot() });

    return {
      layout,
      urls,
      accounts: provisioned.accounts,
      provisioned,
      supervisor,
      // Everything answers now, web apps included: every socket the stack will hold is open.
      exposed: exposedListeners(process.pid),
      stop: async () => {
        await stopAll();
        await assertNothingListening(wanted, config.host);
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function assertNothingListening(wanted: readonly PlannedPort[], host: string): Promise<void> {
  for (const { port, what } of wanted) {
    if (await isPortInUse(port, host)) throw new Error(`${what} still listens on port ${port} after stopping`);
  }
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}
