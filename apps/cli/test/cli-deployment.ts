import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLandslideClient, type LandslideClient } from "@landslide/api/client";
import { type Deployment, startDeployment } from "@landslide/api/testing";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { type CliResult, runCli } from "./run-cli";

/** oclif wraps error lines to the terminal and marks them with "›"; the tests read the sentence. */
export const oneLine = (stderr: string) => stderr.replace(/\s*›\s*/g, " ").replace(/\s+/g, " ");
export const json = <T = Record<string, unknown>>(result: CliResult): T => JSON.parse(result.stdout) as T;

/**
 * A real deployment for the `election` binary to talk to: the four services on free ports over
 * the test run's DynamoDB Local and cognito-local, and the environment that points the CLI at
 * it, with a config folder and a data folder of its own (nothing leaks in from the repository's).
 */
export interface CliDeployment {
  readonly stack: TestStack;
  readonly deployment: Deployment;
  readonly env: NodeJS.ProcessEnv;
  readonly scratch: string;
  /** The binary, as an operator's shell runs it, with more environment when given. */
  election(args: readonly string[], more?: NodeJS.ProcessEnv): Promise<CliResult>;
  /** The binary with text piped to its stdin. */
  electionWithStdin(args: readonly string[], input: string): Promise<CliResult>;
  /** A demo account's password. */
  readonly password: (email: string) => string;
  /** The SDK as one of the deployment's app clients. */
  readonly client: (
    app: "voter-web" | "console" | "cli",
    more?: Partial<Parameters<typeof createLandslideClient>[0]>,
  ) => LandslideClient;
  stop(): Promise<void>;
}

export async function startCliDeployment(name: string, services: Record<string, string> = {}): Promise<CliDeployment> {
  const scratch = mkdtempSync(join(tmpdir(), `landslide-${name}-`));
  const stack = await provisionTestStack({ demo: true });
  const deployment = await startDeployment(stack, { LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000", ...services });
  const env: NodeJS.ProcessEnv = {
    ELECTION_CONFIG_DIR: join(scratch, "config"),
    LANDSLIDE_DATA_DIR: join(scratch, "data"),
    LANDSLIDE_VOTE_API_URL: deployment.urls.voteApi,
    LANDSLIDE_CONTROL_API_URL: deployment.urls.controlApi,
    LANDSLIDE_RESULTS_URL: deployment.urls.results,
    AWS_REGION: stack.target.region,
    LANDSLIDE_COGNITO_ENDPOINT: stack.target.cognitoEndpoint,
    LANDSLIDE_COGNITO_CLI_CLIENT_ID: stack.provisioned.clientIds.cli,
  };
  return {
    stack,
    deployment,
    env,
    scratch,
    election: (args, more = {}) => runCli(args, { ...env, ...more }),
    electionWithStdin: (args, input) => runCli(args, env, input),
    password: (email) => {
      const account = stack.provisioned.accounts.find((a) => a.email === email);
      if (!account) throw new Error(`no demo account ${email}`);
      return account.password;
    },
    client: (app, more = {}) =>
      createLandslideClient({
        urls: deployment.urls,
        cognito: {
          region: stack.target.region,
          endpoint: stack.target.cognitoEndpoint,
          clientId: stack.provisioned.clientIds[app],
        },
        ...more,
      }),
    stop: async () => {
      await deployment.stop();
      await stack.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
