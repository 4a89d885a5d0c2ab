import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Errors } from "@oclif/core";
import { z } from "zod";
import { type Config, loadConfig } from "@landslide/config";
import type { SessionStore, Tokens } from "@landslide/api/client";
import { stackLayout } from "./local-stack/layout";
import { readRunFile } from "./local-stack/run-file";
import { EXIT } from "./public-client";

const deploymentSchema = z.object({
  urls: z.object({ voteApi: z.string(), controlApi: z.string(), results: z.string() }),
  cognito: z.object({ region: z.string(), endpoint: z.string().optional(), clientId: z.string() }),
});

const sessionSchema = z.object({
  accessToken: z.string(),
  idToken: z.string().optional(),
  refreshToken: z.string().optional(),
  expiresAt: z.number(),
});

const profileSchema = z.object({ deployment: deploymentSchema, session: sessionSchema.optional() });
const profilesFileSchema = z.object({ profiles: z.record(z.string(), profileSchema) });

/** Where a profile signs in and which services it calls. */
export type Deployment = z.infer<typeof deploymentSchema>;
/** A named deployment, and the session signed in to it (none after `election logout`). */
export type Profile = z.infer<typeof profileSchema>;

export const DEFAULT_PROFILE = "default";

/** `election login` or `election login --profile staging`: the command that starts a session for this profile. */
export const loginCommand = (profile: string) =>
  profile === DEFAULT_PROFILE ? "election login" : `election login --profile ${profile}`;

/**
 * The profiles file (`profiles.json` in the CLI's config folder): per profile the deployment and
 * the session tokens. Only its owner may read it (0600), as it holds a refresh token. Every write
 * replaces the file at once, so a command stopped halfway never leaves half a file.
 */
export class ProfileFile {
  constructor(readonly path: string) {}

  static in(configDir: string): ProfileFile {
    return new ProfileFile(join(configDir, "profiles.json"));
  }

  get(name: string): Profile | undefined {
    return this.read()[name];
  }

  put(name: string, profile: Profile): void {
    this.write({ ...this.read(), [name]: profile });
  }

  /** The SDK's session store over one profile's tokens: refreshed tokens are kept for the next command. */
  sessionStore(name: string): SessionStore {
    return {
      load: () => {
        const session = this.get(name)?.session;
        return (
          session && {
            accessToken: session.accessToken,
            idToken: session.idToken,
            refreshToken: session.refreshToken,
            expiresAt: session.expiresAt,
          }
        );
      },
      save: (tokens: Tokens | undefined) => {
        const profile = this.get(name);
        if (!profile) return;
        const { session: _, ...rest } = profile;
        this.put(name, tokens ? { ...rest, session: tokens } : rest);
      },
    };
  }

  private read(): Record<string, Profile> {
    if (!existsSync(this.path)) return {};
    const parsed = profilesFileSchema.safeParse(parseJson(readFileSync(this.path, "utf8")));
    if (!parsed.success) {
      throw new Errors.CLIError(
        `${this.path} is damaged (${parsed.error.issues[0]?.message}); remove it and sign in again with 'election login'.`,
        { exit: EXIT.failed },
      );
    }
    return parsed.data.profiles;
  }

  private write(profiles: Record<string, Profile>): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const next = `${this.path}.${process.pid}.tmp`;
    writeFileSync(next, `${JSON.stringify({ profiles }, null, 2)}\n`, { mode: 0o600 });
    // The mode given to writeFileSync is masked by the umask; say it once more to be sure.
    chmodSync(next, 0o600);
    renameSync(next, this.path);
  }
}

/** The app clients a CLI command signs in as: its own (officials), or the voter site's (the load test's voters). */
const appClients = {
  cli: {
    name: "the CLI",
    variable: "LANDSLIDE_COGNITO_CLI_CLIENT_ID",
    configured: (config: Config) => config.cognito.cliClientId,
  },
  "voter-web": {
    name: "the voter site",
    variable: "LANDSLIDE_COGNITO_VOTER_CLIENT_ID",
    configured: (config: Config) => config.cognito.voterClientId,
  },
} as const;

/**
 * The deployment the configuration points at: its services' URLs (LANDSLIDE_*_URL, the local
 * stack by default) and its Cognito settings, with the app client from its variable or else from
 * the running local stack.
 */
export function deploymentFromConfig(app: keyof typeof appClients = "cli"): Deployment {
  const config = loadConfig();
  const client = appClients[app];
  const localStack = readRunFile(stackLayout(config.dataDir).runFile);
  const clientId = client.configured(config) ?? localStack?.cognito?.clientIds[app];
  if (!clientId) {
    throw new Errors.CLIError(
      `No Cognito app client for ${client.name}: start the local stack with 'npm run dev', or set ${client.variable} (and the LANDSLIDE_*_URL of the deployment).`,
      {
        exit: EXIT.failed,
      },
    );
  }
  const { region, cognitoEndpoint: endpoint } = config.aws;
  return {
    urls: { voteApi: config.urls.voteApi, controlApi: config.urls.controlApi, results: config.urls.results },
    cognito: { region, clientId, ...(endpoint ? { endpoint } : {}) },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
