import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { signAsCognitoLocal } from "./cognito-local-key";
import { createCognitoClient } from "@landslide/vote-engine/cognito";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { cognitoIssuer, createAccessTokenVerifier, type TokenRejectedError } from "../src/index";

let stack: TestStack;
let tokens: { access: string; id: string };
let verify: ReturnType<typeof createAccessTokenVerifier>;

beforeAll(async () => {
  stack = await provisionTestStack();
  const official = stack.provisioned.accounts.find((a) => a.group === "officials")!;
  const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({
      ClientId: stack.provisioned.clientIds.console,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: official.email, PASSWORD: official.password },
    }),
  );
  tokens = { access: AuthenticationResult!.AccessToken!, id: AuthenticationResult!.IdToken! };
  const issuer = cognitoIssuer({
    region: stack.target.region,
    endpoint: stack.target.cognitoEndpoint,
    userPoolId: stack.provisioned.userPoolId,
  });
  verify = createAccessTokenVerifier({ issuer, clientIds: [stack.provisioned.clientIds.console] });
});
afterAll(() => stack.stop());

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (e: TokenRejectedError) => e.reason,
  );

describe("Cognito access tokens verified against the pool's JWKS", () => {
  it("accepts a token from sign-in on cognito-local, with the account's groups", async () => {
    const identity = await verify(tokens.access);
    expect(identity.groups).toEqual(["officials"]);
    expect(identity.clientId).toBe(stack.provisioned.clientIds.console);
    expect(identity.sub).toBe(decodeJwt(tokens.access).sub);
    expect(identity.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses the same claims signed by another key, even one claiming the pool's key id", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const { kid } = decodeProtectedHeader(tokens.access);
    const forged = await new SignJWT({ ...decodeJwt(tokens.access), "cognito:groups": ["operators"] })
      .setProtectedHeader({ alg: "RS256", ...(kid ? { kid } : {}) })
      .sign(privateKey);
    expect(await rejection(verify(forged))).toBe("TOKEN_INVALID");
  });

  it("refuses an ID token, a token for another app, and no token", async () => {
    expect(await rejection(verify(tokens.id))).toBe("TOKEN_INVALID");
    const voterOnly = createAccessTokenVerifier({
      issuer: cognitoIssuer({
        region: "eu-west-1",
        endpoint: stack.target.cognitoEndpoint,
        userPoolId: stack.provisioned.userPoolId,
      }),
      clientIds: [stack.provisioned.clientIds["voter-web"]],
    });
    expect(await rejection(voterOnly(tokens.access))).toBe("TOKEN_INVALID");
    expect(await rejection(verify(undefined))).toBe("TOKEN_MISSING");
  });

  it("refuses a token signed with the pool's own key that has expired, or that another pool issued", async () => {
    // Signed with cognito-local's own key: only the claims are wrong.
    const claims = decodeJwt(tokens.access);
    const resign = (changes: Record<string, unknown>) => signAsCognitoLocal({ ...claims, ...changes });
    // The re-signed original is accepted: the test's key really is the pool's.
    expect(await rejection(verify(await resign({})))).toBe("accepted");
    const now = Math.floor(Date.now() / 1000);
    expect(await rejection(verify(await resign({ iat: now - 7200, exp: now - 3600 })))).toBe("TOKEN_EXPIRED");
    const otherPool = String(claims.iss).replace(/[^/]+$/, "eu-west-1_SomeOtherPool");
    expect(await rejection(verify(await resign({ iss: otherPool })))).toBe("TOKEN_INVALID");
  });
});
