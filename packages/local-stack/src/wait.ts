import type { ManagedChild } from "./child";
import { LocalStackError } from "./errors";

/**
 * Polls an HTTP URL until it answers: by default at all (any status), the server is listening and
 * speaking HTTP. `accepts` narrows that to an answer only the expected server gives, for a port
 * another process may hold: then this one failed to bind, and the answer comes from a stranger.
 */
export async function waitForHttp(
  url: string,
  { timeoutMs, isAlive, accepts }: { timeoutMs: number; isAlive: () => boolean; accepts?: AnswerCheck },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`exited before ${url} answered`);
    if (await answersHttp(url, accepts)) return;
    await pause();
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface Patience {
  /**
   * Given up on only when the process printed nothing for this long: a server still printing is
   * starting, however slowly. Java compiling DynamoDB Local's launcher on a busy two-core
   * machine stays silent for up to ~45 s; two minutes leaves room for twice that.
   */
  readonly quietMs?: number;
  /** The last resort, for a process that prints forever without ever answering. */
  readonly limitMs?: number;
}

const QUIET_MS = 120_000;
const LIMIT_MS = 600_000;

/**
 * Waits until `ready` says yes, for as long as the child lives and keeps making progress
 * (printing output), instead of a fixed budget that a loaded machine overruns (issue #20: a
 * healthy cognito-local was given up on after 30 s). When it really fails, the error names the
 * process, says what it last printed and where its whole log is.
 */
export async function waitWhileProgressing(
  child: ManagedChild,
  ready: () => Promise<boolean>,
  { quietMs = QUIET_MS, limitMs = LIMIT_MS }: Patience = {},
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await ready()) return;
    if (!child.alive)
      throw startFailure(child, `exited${child.exitDescription ? ` ${child.exitDescription}` : ""} before it answered`);
    const now = Date.now();
    if (now - child.lastOutputAt > quietMs)
      throw startFailure(child, `printed nothing for ${seconds(now - child.lastOutputAt)} and still does not answer`);
    if (now - started > limitMs) throw startFailure(child, `does not answer after ${seconds(now - started)}`);
    await pause();
  }
}

/** Whether a response is the one the expected server gives (it may read the body). */
export type AnswerCheck = (response: Response) => Promise<boolean>;

/** Whether anything answers HTTP at `url` (any status, unless `accepts` says more). A busy server gets 5 s. */
export async function answersHttp(url: string, accepts?: AnswerCheck): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (accepts) return await accepts(response);
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function startFailure(child: ManagedChild, what: string): LocalStackError {
  const log = child.options.logFile ? `; its log: ${child.options.logFile}` : "";
  return new LocalStackError(`${child.name} did not start: it ${what}. It said:\n${child.tail(5)}${log}`);
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
