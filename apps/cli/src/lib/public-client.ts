import { loadConfig } from "@landslide/config";
import { createLandslideClient, refusalOf } from "@landslide/api/client";
import { Errors } from "@oclif/core";

/**
 * The SDK for what anyone may read (results, the audit log): no sign-in. The services' URLs
 * come from the configuration (LANDSLIDE_RESULTS_URL and friends; the local stack by default).
 */
export function publicClient() {
  const config = loadConfig();
  return {
    config,
    client: createLandslideClient({
      urls: config.urls,
      cognito: { region: config.aws.region, endpoint: config.aws.cognitoEndpoint, clientId: config.cognito.cliClientId ?? "public" },
      userAgent: "landslide-cli",
    }),
  };
}

/** Exit codes every command shares (documented in the README). */
export const EXIT = { failed: 1, usage: 2, refused: 3, unreachable: 4 } as const;

/** A refused call or one that could not reach the service becomes one line saying what to do. */
export async function reachOrExplain<T>(what: string, url: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const unreachable = /fetch failed|ECONNREFUSED|ENOTFOUND/.test(String((error as Error).message)) || cause?.code === "ECONNREFUSED";
    if (unreachable) throw new Errors.CLIError(`Cannot reach ${what} at ${url}. Start the local stack with 'npm run dev' (or set LANDSLIDE_RESULTS_URL).`, { exit: EXIT.unreachable });
    const refusal = refusalOf(error);
    if (refusal) throw new Errors.CLIError(`${refusal.message} (${refusal.reason})`, { exit: EXIT.refused });
    throw error;
  }
}
