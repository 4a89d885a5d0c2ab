import { type Config, loadConfig, required } from "@landslide/config";
import type { LandslideClientOptions } from "@landslide/api/client";

/** What the browser needs to reach Landslide: public URLs and the site's app client (no secret). */
export type PublicConfig = Pick<LandslideClientOptions, "urls" | "cognito">;

/** The two web apps; each signs in with its own Cognito app client. */
export type Site = "voter" | "console";

const appClients = {
  voter: {
    id: (config: Config) => config.cognito.voterClientId,
    variable: "LANDSLIDE_COGNITO_VOTER_CLIENT_ID",
    what: "the voter site's app client id printed by provisioning",
  },
  console: {
    id: (config: Config) => config.cognito.consoleClientId,
    variable: "LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID",
    what: "the console's app client id printed by provisioning",
  },
} as const;

/** Read on the server at request time: client ids are made by provisioning, after the build. */
export function publicConfig(site: Site, config: Config = loadConfig()): PublicConfig {
  const client = appClients[site];
  return {
    urls: { voteApi: config.urls.voteApi, controlApi: config.urls.controlApi, results: config.urls.results },
    cognito: {
      region: config.aws.region,
      endpoint: config.aws.cognitoEndpoint,
      clientId: required(client.id(config), client.variable, client.what),
    },
  };
}
