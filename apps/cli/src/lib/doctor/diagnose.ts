import { type Config, ConfigError, loadConfig } from "@landslide/config";
import { stackLayout } from "../local-stack/layout";
import { readRunFile } from "../local-stack/run-file";
import type { ProfileFile } from "../profiles";
import { type Check, fail, ok } from "./check";
import { checkEndpoints } from "./endpoints";
import { checkKeysFile } from "./keys-file";
import { checkListeners } from "./listeners";
import { checkPorts } from "./ports";
import { checkCeph, checkJava, checkNode } from "./runtime";
import { checkSession } from "./session";

export interface Diagnosis {
  /** False when any check failed; warnings do not count. */
  readonly ok: boolean;
  readonly checks: readonly Check[];
}

/**
 * Every check, in the order a person fixes things: the machine, the configuration, the ports,
 * what answers, the session, the keys. A configuration that cannot be read leaves only the
 * checks that do not need it.
 */
export async function diagnose(profiles: ProfileFile, profile: string): Promise<Diagnosis> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const configCheck = fail(
      "configuration",
      error.message,
      `fix or unset ${error.variable}, then run election doctor again`,
    );
    return summarize([checkNode(), configCheck, checkJava("embedded"), await checkSession(profiles, profile)]);
  }
  const layout = stackLayout(config.dataDir);
  const running = readRunFile(layout.runFile);
  const [ports, endpoints, session] = await Promise.all([
    checkPorts(config, running),
    checkEndpoints({ config, running, logs: layout.logs }),
    checkSession(profiles, profile),
  ]);
  const stack = running ? `the local stack runs (pid ${running.pid})` : "no local stack runs";
  return summarize([
    checkNode(),
    ok("configuration", `LANDSLIDE_STACK=${config.stack}, data folder ${layout.root}; ${stack}`),
    checkJava(config.stack),
    await checkCeph(config.stack),
    ...ports,
    checkListeners(config, running),
    ...endpoints,
    session,
    checkKeysFile(config, layout),
  ]);
}

const summarize = (checks: Check[]): Diagnosis => ({ ok: checks.every((c) => c.status !== "fail"), checks });
