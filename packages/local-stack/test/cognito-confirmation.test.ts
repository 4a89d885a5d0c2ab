import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { signSignUpTicket, TICKET_METADATA_KEY } from "@landslide/config/sign-up-ticket";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RunningServer,
  freePort,
  registerSignUpTickets,
  startCognitoLocal,
  waitForConfirmationCode,
} from "../src/index";

const scratch = mkdtempSync(join(tmpdir(), "landslide-cognito-"));
let server: RunningServer;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  server = await startCognitoLocal({ port: await freePort(), dataDir: scratch });
  cognito = new CognitoIdentityProviderClient({
    endpoint: server.endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
});
afterAll(async () => {
  cognito.destroy();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function idTokenOf(clientId: string, email: string, password: string) {
  const signedIn = await cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  return decodeJwt(signedIn.AuthenticationResult?.IdToken ?? "");
}

describe("the local Cognito pool", () => {
  it("marks the e-mail verified once a sign-up is confirmed with its code, as a pool that auto-verifies e-mail does", async () => {
    const pool = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: "voters",
        AutoVerifiedAttributes: ["email"],
        UsernameAttributes: ["email"],
      }),
    );
    const poolId = pool.UserPool?.Id ?? "";
    const app = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "voter-web" }));
    const clientId = app.UserPoolClient?.ClientId ?? "";
    const email = "new.voter@example.org";
    const password = "Correct-Horse-9";
    // Self sign-up needs a ticket under the pool's registered key (the vote API gives them; see sign-up-abuse.test.ts).
    const ticketKey = randomBytes(32);
    const keysFile = join(scratch, "keys.json");
    writeFileSync(keysFile, JSON.stringify({ signUpTicketKey: ticketKey.toString("base64url") }));
    registerSignUpTickets(scratch, poolId, keysFile);
    const { ticket } = signSignUpTicket(ticketKey, email, new Date());
    await cognito.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: email,
        Password: password,
        UserAttributes: [{ Name: "email", Value: email }],
        ClientMetadata: { [TICKET_METADATA_KEY]: ticket },
      }),
    );

    const code = await waitForConfirmationCode(scratch, email);
    await cognito.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }));

    const claims = await idTokenOf(clientId, email, password);
    expect(claims.email).toBe(email);
    expect(String(claims.email_verified)).toBe("true");
  });
});
