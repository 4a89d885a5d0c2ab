import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ManagedChild } from "./child";
import { POST_CONFIRMATION_FUNCTION, PRE_SIGN_UP_FUNCTION, startCognitoTriggers } from "./cognito-triggers";
import type { RunningServer } from "./dynamodb-local";
import { resolveEmulator } from "./emulators";
import { restrictToOwner } from "./private-files";
import { answersHttp, waitWhileProgressing } from "./wait";

export interface CognitoLocalOptions {
  readonly port: number;
  /** cognito-local keeps its pools and users in `<dataDir>/.cognito`. */
  readonly dataDir: string;
  /** Confirmation codes and other "sent" messages are printed here by cognito-local. */
  readonly logFile?: string;
}

/** Starts cognito-local, a Cognito user-pools server, as its own process. */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<RunningServer> {
  // Found first: nothing is started when the package is missing (a production install).
  const entry = join(dirname(resolveEmulator("cognito-local")), "lib", "bin", "start.js");
  const dataDir = resolve(options.dataDir);
  const endpoint = `http://127.0.0.1:${options.port}`;
  const triggers = await startCognitoTriggers(endpoint, dataDir);
  writeTriggerConfig(dataDir, triggers.endpoint);
  // cognito-local keeps the users' passwords in plain text in .cognito/db/*.json, which earlier
  // versions left 0644; new files follow the launcher's umask.
  restrictToOwner(join(dataDir, ".cognito"));
  const child = new ManagedChild({
    name: "cognito-local",
    command: process.execPath,
    args: [entry],
    cwd: dataDir,
    // cognito-local reads PORT and HOST; its token issuer is http://HOST:PORT/<poolId>.
    env: { ...process.env, PORT: String(options.port), HOST: "127.0.0.1", DEBUG: "" },
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  const stop = async () => {
    await child.stop();
    await triggers.stop();
  };
  try {
    // As long as it lives and keeps printing (issue #20: a fixed 30 s ran out on a busy machine while it was starting).
    await waitWhileProgressing(child, () => answersHttp(`${endpoint}/health`));
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: "cognito-local", endpoint, child, stop };
}

/** cognito-local reads `.cognito/config.json` under its working folder; written afresh on every start. */
function writeTriggerConfig(dataDir: string, lambdaEndpoint: string): void {
  const configDir = join(dataDir, ".cognito");
  mkdirSync(configDir, { recursive: true });
  const config = {
    LambdaClient: {
      endpoint: lambdaEndpoint,
      region: "local",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    },
    // PreSignUp: a self sign-up needs a ticket from the vote API (see cognito-triggers.ts).
    TriggerFunctions: { PreSignUp: PRE_SIGN_UP_FUNCTION, PostConfirmation: POST_CONFIRMATION_FUNCTION },
  };
  writeFileSync(join(configDir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
}
