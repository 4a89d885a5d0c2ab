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
      cognito: {
        region: config.aws.region,
        endpoint: config.aws.cognitoEndpoint,
        clientId: config.cognito.cliClientId ?? "public",
      },
      userAgent: "landslide-cli",
    }),
  };
}

/** Exit codes every command shares (documented in docs/cli.md, "Exit codes"). */
export const EXIT = { failed: 1, usage: 2, refused: 3, unreachable: 4 } as const;

/** A refused call or one that could not reach the service becomes one line saying what to do. */
export async function reachOrExplain<T>(what: string, url: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnreachable(error))
      throw new Errors.CLIError(
        `Cannot reach ${what} at ${url}. Start the local stack with 'npm run dev' (or set LANDSLIDE_RESULTS_URL).`,
        { exit: EXIT.unreachable },
      );
    const refusal = refusalOf(error);
    if (refusal) throw new Errors.CLIError(`${refusal.message} (${refusal.reason})`, { exit: EXIT.refused });
    throw error;
  }
}

/** Nothing answered: nothing listens there, the name does not resolve, or the connection dropped. */
const NO_ANSWER = /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET/;

/** The call never got an answer (the SDK's fetch failed, for a reason its causes name). */
export function isUnreachable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = "code" in e && typeof e.code === "string" ? e.code : "";
    if (NO_ANSWER.test(`${e.message} ${code}`)) return true;
  }
  return false;
}
