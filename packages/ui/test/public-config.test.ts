import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@landslide/config";
import { publicConfig } from "../src/client/public-config";

const env = {
  LANDSLIDE_COGNITO_VOTER_CLIENT_ID: "voter-client",
  LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID: "console-client",
};

describe("the configuration a site's pages get", () => {
  it("gives each site its own app client, and the same three service URLs", () => {
    const voter = publicConfig("voter", loadConfig(env));
    const console = publicConfig("console", loadConfig(env));
    expect(voter.cognito.clientId).toBe("voter-client");
    expect(console.cognito.clientId).toBe("console-client");
    expect(voter.urls).toEqual(console.urls);
    expect(Object.keys(voter.urls).sort()).toEqual(["controlApi", "results", "voteApi"]);
  });

  it("carries nothing secret: only URLs, the region and the client id", () => {
    const config = publicConfig("voter", loadConfig(env));
    expect(Object.keys(config).sort()).toEqual(["cognito", "urls"]);
    expect(Object.keys(config.cognito).sort()).toEqual(["clientId", "endpoint", "region"]);
  });

  it("names the missing variable when provisioning has not given the site its client id", () => {
    expect(() => publicConfig("console", loadConfig({ LANDSLIDE_COGNITO_VOTER_CLIENT_ID: "voter-client" }))).toThrow(
      ConfigError,
    );
    expect(() => publicConfig("console", loadConfig({ LANDSLIDE_COGNITO_VOTER_CLIENT_ID: "voter-client" }))).toThrow(
      /LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID/,
    );
  });
});
