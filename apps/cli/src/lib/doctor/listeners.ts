import type { Config } from "@landslide/config";
import { exposedListeners, exposureWarning } from "../local-stack/listeners";
import type { RunFile } from "../local-stack/run-file";
import { type Check, ok, warn } from "./check";

const NAME = "listeners";

/**
 * Whether the running local stack listens only on loopback, found as the launcher finds it: its
 * process and every descendant's listening sockets. Exposed sockets are a warning (a deliberate
 * LANDSLIDE_HOST may want them), with the fix; nothing to check when no stack runs.
 */
export function checkListeners(config: Config, running: RunFile | undefined): Check {
  if (!running) return ok(NAME, "no local stack runs: nothing listens");
  const exposed = exposedListeners(running.pid);
  if (exposed === undefined)
    return ok(NAME, `not checked: this system does not let us list the sockets of pid ${running.pid}`);
  if (exposed.length === 0) return ok(NAME, `the local stack (pid ${running.pid}) listens on loopback only`);
  const { detail, fix } = exposureWarning(exposed, config.host);
  return warn(NAME, `the local stack (pid ${running.pid}) is ${detail}`, fix);
}
