import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ManagedChild } from "./child";
import type { RunningServer } from "./dynamodb-local";
import { resolveEmulator } from "./emulators";
import { answersHttp, waitWhileProgressing } from "./wait";

export interface SqsLocalOptions {
  readonly port: number;
  readonly logFile?: string;
}

/**
 * The account id in local queue URLs and ARNs (`http://127.0.0.1:<port>/000000000000/<name>`):
 * the one configuration derives the local dead-letter queue's URL with.
 */
export const SQS_LOCAL_ACCOUNT_ID = "000000000000";

/**
 * Starts local-aws-sqs, an Amazon SQS server (the JSON protocol of the current SDK, and the Query
 * one) that keeps its queues in memory: a restart empties them. It has no command of its own, so
 * a one-line module runs its createSqsServer in a child process we manage like every other
 * server (stopped by a test or the launcher, killed with the stack). Bound to loopback.
 *
 * Where it differs from SQS (see docs/architecture.md): ChangeMessageVisibility counts as a
 * receive (ApproximateReceiveCount), it answers system attributes only when asked with the older
 * AttributeNames, and PurgeQueue empties a queue 60 s later, as SQS may.
 */
export async function startSqsLocal(options: SqsLocalOptions): Promise<RunningServer> {
  // Found first: nothing is started when the package is missing (a production install).
  const entry = join(dirname(resolveEmulator("local-aws-sqs")), "dist", "index.js");
  const endpoint = `http://127.0.0.1:${options.port}`;
  const settings = {
    port: options.port,
    hostname: "127.0.0.1",
    accountId: SQS_LOCAL_ACCOUNT_ID,
    // Deleting and creating a queue again at once is allowed here: tests make fresh queues.
    emulateQueueCreationLifecycle: false,
  };
  const script = [
    `const { createSqsServer } = await import(${JSON.stringify(pathToFileURL(entry).href)});`,
    `await createSqsServer(${JSON.stringify(settings)});`,
    `console.log("local-aws-sqs listening on ${endpoint}");`,
  ].join("\n");
  const child = new ManagedChild({
    name: "local-aws-sqs",
    command: process.execPath,
    args: ["--input-type=module", "--eval", script],
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  try {
    await waitWhileProgressing(child, () => answersHttp(endpoint));
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { name: "local-aws-sqs", endpoint, child, stop: () => child.stop() };
}
