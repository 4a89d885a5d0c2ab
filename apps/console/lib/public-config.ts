import { loadConfig, required } from "@landslide/config";
import type { PublicConfig } from "../app/providers";

/** Read on the server at request time: client ids are made by provisioning, after the build. */
export function publicConfig(): PublicConfig {
  const config = loadConfig();
  return {
    urls: { voteApi: config.urls.voteApi, controlApi: config.urls.controlApi, results: config.urls.results },
    cognito: {
      region: config.aws.region,
      endpoint: config.aws.cognitoEndpoint,
      clientId: required(config.cognito.consoleClientId, "LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID", "the console's app client id printed by provisioning"),
    },
  };
}
