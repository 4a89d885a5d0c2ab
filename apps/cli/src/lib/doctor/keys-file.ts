import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Config } from "@landslide/config";
import type { StackLayout } from "../local-stack/layout";
import { type Check, fail, ok } from "./check";

const NAME = "keys file";

/**
 * The deployment keys (voter-key secret, receipt and audit signing keys): once the local stack
 * has been provisioned they must exist, readable by their owner only.
 */
export function checkKeysFile(config: Config, layout: StackLayout): Check {
  const path = resolve(config.keysFile);
  if (!existsSync(path)) {
    if (config.stack === "aws")
      return ok(NAME, `none at ${path}: with LANDSLIDE_STACK=aws the keys live with the services, not on this machine`);
    // Provisioning writes the demo accounts' credentials beside the keys: without them, nothing was provisioned yet.
    if (!existsSync(layout.credentials)) return ok(NAME, `none yet at ${path}: provisioning (npm run dev) makes it`);
    return fail(
      NAME,
      `${path} is missing, though the local stack was provisioned: receipts cannot be signed`,
      "restore it from a backup, or set LANDSLIDE_KEYS_FILE to where it is (election local up would make new keys: earlier receipts would stop verifying)",
    );
  }
  const stat = statSync(path);
  if (!stat.isFile())
    return fail(NAME, `${path} is not a file`, "set LANDSLIDE_KEYS_FILE to the keys file itself (JSON), not a folder");
  const mode = (stat.mode & 0o777).toString(8).padStart(4, "0");
  if ((stat.mode & 0o077) !== 0) return fail(NAME, `${path} can be read by others (mode ${mode})`, `chmod 600 ${path}`);
  return ok(NAME, `${path}, readable by its owner only (mode ${mode})`);
}
