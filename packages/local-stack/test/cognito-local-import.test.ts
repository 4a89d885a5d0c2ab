import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freePort, importCognitoLocalAccounts, type RunningServer, startCognitoLocal } from "../src/index";

const scratch = mkdtempSync(join(tmpdir(), "landslide-cognito-import-"));
const running: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function start(port: number) {
  const server = await startCognitoLocal({ port, dataDir: scratch });
  running.push(server);
  const client = new CognitoIdentityProviderClient({
    endpoint: server.endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  return { server, client };
}

const refresh = (client: CognitoIdentityProviderClient, clientId: string, token: string) =>
  client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: "REFRESH_TOKEN_AUTH",
      AuthParameters: { REFRESH_TOKEN: token },
    }),
  );

describe("importing accounts into a cognito-local pool", () => {
  it("gives each imported account real tokens through REFRESH_TOKEN_AUTH after a restart, with its e-mail and groups; keeps the accounts already there; refuses a token it was not given", async () => {
    const port = await freePort();
    const first = await start(port);
    const pool = await first.client.send(
      new CreateUserPoolCommand({ PoolName: "voters", UsernameAttributes: ["email"] }),
    );
    const poolId = pool.UserPool?.Id ?? "";
    const app = await first.client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "voter-web" }),
    );
    const clientId = app.UserPoolClient?.ClientId ?? "";
    await first.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: "voters" }));
    await first.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: "officials" }));
    // An account made through the API before the import.
    const official = "official@example.org";
    await first.client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: official, MessageAction: "SUPPRESS" }),
    );
    await first.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: official,
        Password: "Official-Pass-9",
        Permanent: true,
      }),
    );
    await first.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: official, GroupName: "officials" }),
    );

    const accounts = Array.from({ length: 3 }, (_, i) => ({
      email: `voter${i}@example.org`,
      groups: ["voters"],
      refreshToken: `refresh-token-of-voter-${i}-${"x".repeat(20)}`,
    }));
    const usernames = importCognitoLocalAccounts(scratch, poolId, accounts);
    expect(new Set(usernames).size).toBe(3);

    // cognito-local reads its pools when it starts: not yet imported for the running one.
    await expect(refresh(first.client, clientId, accounts[1]!.refreshToken)).rejects.toThrow();
    await first.server.stop();
    running.length = 0;
    first.client.destroy();
    const second = await start(port);
    try {
      const tokens = (await refresh(second.client, clientId, accounts[1]!.refreshToken)).AuthenticationResult;
      const id = decodeJwt(tokens?.IdToken ?? "");
      expect(id.email).toBe("voter1@example.org");
      expect(id.email_verified).toBe(true);
      expect(id.sub).toBe(usernames[1]);
      expect(decodeJwt(tokens?.AccessToken ?? "")["cognito:groups"]).toEqual(["voters"]);

      const officialTokens = await second.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: official, PASSWORD: "Official-Pass-9" },
        }),
      );
      expect(decodeJwt(officialTokens.AuthenticationResult?.AccessToken ?? "")["cognito:groups"]).toEqual([
        "officials",
      ]);

      await expect(refresh(second.client, clientId, "a-token-nobody-was-given")).rejects.toThrow();
    } finally {
      second.client.destroy();
    }
  });

  it("refuses an account for a group the pool does not have, and writes nothing", async () => {
    const { client } = await start(await freePort());
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: "empty" }));
    const poolId = pool.UserPool?.Id ?? "";
    const file = join(scratch, ".cognito", "db", `${poolId}.json`);
    const before = readFileSync(file, "utf8");
    expect(() =>
      importCognitoLocalAccounts(scratch, poolId, [{ email: "a@example.org", groups: ["nobody"], refreshToken: "t" }]),
    ).toThrow(/no group "nobody"/);
    expect(readFileSync(file, "utf8")).toBe(before);
    client.destroy();
  });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
