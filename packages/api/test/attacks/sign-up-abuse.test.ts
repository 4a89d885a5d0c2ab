import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { signSignUpTicket, TICKET_METADATA_KEY } from "@landslide/config/sign-up-ticket";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, type DeviceKeyStore, memoryDeviceKeyStore, refusalOf } from "../../src/client/index";
import { solveChallenge } from "../../src/human-check/solve";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { fetchFrom } from "./support";

/**
 * Issue 15, "sign-ups are unlimited": an outside run created 130 voter accounts from one machine
 * in 10 s. Every self sign-up now needs a ticket from the vote API (a human check, at most 5 per
 * network per 10 minutes and 3 per device key per day), and Cognito's pre-sign-up trigger
 * refuses a sign-up without a valid, unused ticket for its own e-mail address. Everything here
 * goes over real HTTP to the vote API and to cognito-local with its trigger.
 *
 * Every loopback address reaches this machine; the API limits by /24, so 127.0.N.x plays network N.
 */
let stack: TestStack;
let deployment: Deployment;
let cognito: CognitoIdentityProviderClient;
const PASSWORD = "Correct-Horse-42-battery";

beforeAll(async () => {
  stack = await provisionTestStack({ demo: false });
  deployment = await startDeployment(stack, { LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000" });
  cognito = new CognitoIdentityProviderClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
}, 120_000);
afterAll(async () => {
  cognito?.destroy();
  await deployment?.stop();
  await stack?.stop();
});

function client(from: string, deviceKeys: DeviceKeyStore = memoryDeviceKeyStore()) {
  return createLandslideClient({
    urls: deployment.urls,
    cognito: { region: stack.target.region, endpoint: stack.target.cognitoEndpoint, clientId: stack.provisioned.clientIds["voter-web"] },
    deviceKeys,
    userAgent: "landslide-attack-test/1.0",
    fetch: fetchFrom(from),
  });
}

const email = (label: string) => `${label}.${randomBytes(4).toString("hex")}@example.org`;

async function accountExists(address: string): Promise<boolean> {
  try {
    await cognito.send(new AdminGetUserCommand({ UserPoolId: stack.provisioned.userPoolId, Username: address }));
    return true;
  } catch (error) {
    if ((error as Error).name === "UserNotFoundException") return false;
    throw error;
  }
}

/** Cognito's own SignUp, straight, as a script would call it: what Cognito said, or "created". */
async function straightSignUp(address: string, ticket?: string): Promise<string> {
  try {
    await cognito.send(
      new SignUpCommand({
        ClientId: stack.provisioned.clientIds["voter-web"],
        Username: address,
        Password: PASSWORD,
        UserAttributes: [{ Name: "email", Value: address }],
        ...(ticket ? { ClientMetadata: { [TICKET_METADATA_KEY]: ticket } } : {}),
      }),
    );
    return "created";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** A real ticket from the vote API for this address, asked from network `from`. */
async function ticketFor(address: string, from: string): Promise<string> {
  const api = client(from);
  const challenge = await api.vote.signUp.challenge.query();
  if (challenge.kind !== "proof-of-work") throw new Error("this test expects proof of work");
  const solution = await solveChallenge(challenge);
  return (await api.vote.signUp.ticket.mutate({ email: address, humanCheck: solution! })).ticket;
}

describe("a burst of sign-ups from one network", () => {
  it("creates only the allowed number of accounts; the rest are refused with RATE_LIMITED and a Retry-After, and have no account", async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => email(`burst${i}`));
    // Each attempt with a device key of its own, so only the network's limit can stop them.
    const outcomes = await Promise.all(
      addresses.map((address) =>
        client("127.0.1.1")
          .auth.signUp(address, PASSWORD)
          .then(
            () => ({ address, outcome: "created" as const }),
            (error: unknown) => ({ address, outcome: refusalOf(error)?.reason ?? String(error), details: refusalOf(error)?.details }),
          ),
      ),
    );
    const created = outcomes.filter((o) => o.outcome === "created");
    const refused = outcomes.filter((o) => o.outcome !== "created");
    expect(created).toHaveLength(5);
    expect(refused.map((o) => o.outcome)).toEqual(Array.from({ length: 25 }, () => "RATE_LIMITED"));
    for (const o of refused) expect((o as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds).toBeGreaterThan(0);

    for (const o of created) expect(await accountExists(o.address)).toBe(true);
    for (const o of refused) expect(await accountExists(o.address)).toBe(false);
    const { Users = [] } = await cognito.send(new ListUsersCommand({ UserPoolId: stack.provisioned.userPoolId }));
    const burstUsers = Users.filter((u) => [u.Username, ...(u.Attributes ?? []).filter((a) => a.Name === "email").map((a) => a.Value)].some((v) => v?.startsWith("burst")));
    expect(burstUsers).toHaveLength(5);

    // Over raw HTTP the refusal is a 429 with the Retry-After header, before any work is checked.
    const fromSameNetwork = await fetchFrom("127.0.1.2")(`${deployment.urls.voteApi}/trpc/signUp.ticket`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: email("raw") }),
    });
    expect(fromSameNetwork.status).toBe(429);
    expect(Number(fromSameNetwork.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await fromSameNetwork.json()) as { error: { data: { reason: string } } }).error.data.reason).toBe("RATE_LIMITED");
  });

  it("limits one device key to 3 sign-ups a day, even within the network's limit", async () => {
    const device = memoryDeviceKeyStore();
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const address = email(`device${i}`);
      outcomes.push(await client("127.0.2.1", device).auth.signUp(address, PASSWORD).then(() => "created", (error: unknown) => refusalOf(error)?.reason ?? String(error)));
    }
    expect(outcomes).toEqual(["created", "created", "created", "RATE_LIMITED"]);
  });
});

describe("sign-ups straight against Cognito", () => {
  it("are refused without a ticket, and no account is created", async () => {
    const address = email("no-ticket");
    expect(await straightSignUp(address)).toMatch(/^UserLambdaValidationException: .*SIGN_UP_TICKET_MISSING/);
    expect(await accountExists(address)).toBe(false);
  });

  it("are refused with a forged ticket (signed with another key) or a tampered one", async () => {
    const address = email("forged");
    const forged = signSignUpTicket(randomBytes(32), address, new Date()).ticket;
    expect(await straightSignUp(address, forged)).toMatch(/SIGN_UP_TICKET_INVALID/);
    const real = await ticketFor(email("real"), "127.0.3.1");
    const [version, , mac] = real.split(".");
    const claims = Buffer.from(JSON.stringify({ e: address, x: Math.floor(Date.now() / 1000) + 300, i: "x" })).toString("base64url");
    expect(await straightSignUp(address, `${version}.${claims}.${mac}`)).toMatch(/SIGN_UP_TICKET_INVALID/);
    expect(await accountExists(address)).toBe(false);
  });

  it("are refused with a ticket issued for another e-mail address", async () => {
    const ticket = await ticketFor(email("owner"), "127.0.3.1");
    const address = email("thief");
    expect(await straightSignUp(address, ticket)).toMatch(/SIGN_UP_TICKET_WRONG_EMAIL/);
    expect(await accountExists(address)).toBe(false);
  });

  it("accept a ticket once: the same ticket again is refused even after the account is gone", async () => {
    const address = email("once");
    const ticket = await ticketFor(address, "127.0.3.1");
    expect(await straightSignUp(address, ticket)).toBe("created");
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: stack.provisioned.userPoolId, Username: address }));
    expect(await straightSignUp(address, ticket)).toMatch(/SIGN_UP_TICKET_REUSED/);
    expect(await accountExists(address)).toBe(false);
  });

  it("a challenge issued for casting is not accepted for a sign-up ticket", async () => {
    const api = client("127.0.4.1");
    const castChallenge = await api.vote.humanCheck.challenge.query();
    if (castChallenge.kind !== "proof-of-work") throw new Error("this test expects proof of work");
    const solution = await solveChallenge(castChallenge);
    const reason = await api.vote.signUp.ticket.mutate({ email: email("cross"), humanCheck: solution! }).then(
      () => "accepted",
      (error: unknown) => refusalOf(error)?.reason,
    );
    expect(reason).toBe("CHALLENGE_INVALID");
  });
});
