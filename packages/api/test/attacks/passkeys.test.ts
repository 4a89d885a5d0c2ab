import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { TRPCClientError } from "@trpc/client";
import { createCognitoClient, ensureAccountWithPassword, generatePassword } from "@landslide/vote-engine/cognito";
import { createDynamoDbClient } from "@landslide/vote-engine/dynamodb";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import {
  createLandslideClient,
  type DeviceKeyStore,
  type LandslideClient,
  memoryDeviceKeyStore,
  refusalOf,
} from "../../src/client/index";
import type { PublicKeyCredentialCreationOptionsJSON } from "../../src/client/passkey-authenticator";
import { solveChallenge } from "../../src/human-check/solve";
import { castChallenge } from "../../src/device/passkeys";
import {
  type Deployment,
  SoftwareAuthenticator,
  type SoftwareAuthenticatorOptions,
  startDeployment,
} from "../../src/testing/index";
import { waitFor } from "../wait-for";

/**
 * Passkeys over real HTTP, against a real deployment: the honest paths through the SDK with a
 * software authenticator (what a bot farm would write), and the forgeries a script would try next,
 * sent as raw tRPC casts with a hand-made `passkey` field. Every forgery is refused FORBIDDEN with
 * a stable reason, and nothing is stored for it: the file ends by recounting each election and
 * finding exactly the votes the tests saw stored.
 */
let stack: TestStack;
let deployment: Deployment;
let official: LandslideClient;
/** The page a passkey ceremony runs on, as the deployment is told to expect. */
const ORIGIN = "http://localhost:3000";
const RP_ID = "localhost";

const yes = { answers: { q: { choices: ["yes"] } } };
const no = { answers: { q: { choices: ["no"] } } };
/** One election per passkey policy, all open before the first test. */
const elections = { optional: "", required: "", review: "" };
/** The votes each election should hold when the file ends; every test adds the ones it saw stored. */
const stored = { optional: 0, required: 0, review: 0 };

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack, {
    LANDSLIDE_PASSKEY_ORIGINS: ORIGIN,
    LANDSLIDE_PASSKEY_RP_ID: RP_ID,
    LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
    // Every voter here is minutes old and casts at once, all from 127.0.0.1: the risk score is not
    // what this file is about, so the only reason a ballot is held is the election's passkey policy.
    LANDSLIDE_RISK_NEW_ACCOUNT_SECONDS: "0",
    LANDSLIDE_RISK_FAST_SOLVE_MS: "0",
    LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: "100000",
  });
  official = client("console");
  const account = stack.provisioned.accounts.find((a) => a.group === "officials")!;
  await official.auth.signIn(account.email, account.password);
  for (const [policy, title] of [
    ["optional", "Passkey optional"],
    ["required", "Passkey required"],
    ["review-without", "Passkey or review"],
  ] as const) {
    const election = await official.control.official.elections.create.mutate({
      election: {
        title,
        passkeyPolicy: policy,
        questions: [
          {
            id: "q",
            kind: "single",
            prompt: "Agree?",
            options: [
              { id: "yes", label: "Yes" },
              { id: "no", label: "No" },
            ],
          },
        ],
      },
      reason: "passkey attack tests",
    });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "polls open",
    });
    elections[policy === "review-without" ? "review" : policy] = election.id;
  }
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task has seen the opens by then
}, 180_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

function client(
  app: "voter-web" | "console",
  extra: { passkeys?: SoftwareAuthenticator; deviceKeys?: DeviceKeyStore } = {},
): LandslideClient {
  return createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds[app],
    },
    deviceKeys: extra.deviceKeys ?? memoryDeviceKeyStore(),
    userAgent: "landslide-attack-test/1.0",
    ...(extra.passkeys ? { passkeys: extra.passkeys } : {}),
  });
}

const authenticator = (options: Partial<SoftwareAuthenticatorOptions> = {}) =>
  new SoftwareAuthenticator({ origin: ORIGIN, ...options });

interface Voter {
  readonly email: string;
  readonly password: string;
  readonly sdk: LandslideClient;
  readonly deviceKeys: DeviceKeyStore;
}

/** A new voter (made by the administrator, as provisioning makes the demo ones), signed in on a device of their own. */
async function newVoter(label: string, passkeys?: SoftwareAuthenticator): Promise<Voter> {
  const email = `${label}.${randomUUID().slice(0, 8)}@passkeys.landslide.test`;
  const password = generatePassword();
  const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
  try {
    await ensureAccountWithPassword(cognito, stack.provisioned.userPoolId, { email, group: "voters" }, password);
  } finally {
    cognito.destroy();
  }
  return signIn({ email, password }, { ...(passkeys ? { passkeys } : {}) });
}

/** The same account signed in again: on the same device key (same store) or on another. */
async function signIn(
  account: { email: string; password: string },
  extra: { passkeys?: SoftwareAuthenticator; deviceKeys?: DeviceKeyStore } = {},
): Promise<Voter> {
  const deviceKeys = extra.deviceKeys ?? memoryDeviceKeyStore();
  const sdk = client("voter-web", { ...extra, deviceKeys });
  await sdk.auth.signIn(account.email, account.password);
  await sdk.ensureDevice();
  return { ...account, sdk, deviceKeys };
}

/** A cast's decision ("accepted", "quarantined"), "accepted" for anything else that succeeded; the tRPC code and the stable reason for a refusal. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    return ((await call) as { decision?: string }).decision ?? "accepted";
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal || !(error instanceof TRPCClientError)) throw error;
    return `${(error.data as { code?: string }).code} ${refusal.reason}`;
  }
}

interface RawCast {
  readonly electionId: string;
  readonly ballot: unknown;
  readonly idempotencyKey?: string;
  readonly passkey?: Awaited<ReturnType<SoftwareAuthenticator["sign"]>>;
}

/** A cast as a script sends it: the SDK's signed link (device proof, device token), a solved human check, and whatever `passkey` the script made. */
async function rawCast(voter: Voter, cast: RawCast) {
  const challenge = await voter.sdk.vote.humanCheck.challenge.query();
  if (challenge.kind !== "proof-of-work") throw new Error("this test expects proof of work");
  const humanCheck = (await solveChallenge(challenge))!;
  return voter.sdk.vote.voter.cast.mutate({
    electionId: cast.electionId,
    idempotencyKey: cast.idempotencyKey ?? randomUUID(),
    ballot: cast.ballot,
    humanCheck,
    ...(cast.passkey ? { passkey: cast.passkey } : {}),
  });
}

/** What a cast's assertion must sign, as the SDK computes it. */
const signFor = (
  passkeys: SoftwareAuthenticator,
  credentialId: string,
  cast: { electionId: string; idempotencyKey: string; ballot: unknown },
  overrides: Parameters<SoftwareAuthenticator["sign"]>[1] = {},
) => passkeys.sign({ credentialId, challenge: castChallenge(cast) }, overrides);

/** Step one of a registration ceremony, as the SDK asks for it (the options cross tRPC as JSON). */
const creationOptions = async (voter: Voter) =>
  (await voter.sdk.vote.voter.passkeyOptions.mutate()) as unknown as PublicKeyCredentialCreationOptionsJSON;

const receiptOf = (voter: Voter, electionId: string) => voter.sdk.vote.voter.myReceipt.query({ electionId });

/** The stored vote behind a receipt, read from the votes table itself. */
async function storedVote(electionId: string, receiptId: string) {
  const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
  try {
    const { Items = [] } = await dynamodb.send(
      new ScanCommand({
        TableName: stack.provisioned.tables.votes,
        FilterExpression: "electionId = :e AND receiptId = :r",
        ExpressionAttributeValues: { ":e": { S: electionId }, ":r": { S: receiptId } },
      }),
    );
    expect(Items).toHaveLength(1);
    return { state: Items[0]!.state?.S, reasons: (Items[0]!.reasons?.L ?? []).map((r) => r.S) };
  } finally {
    dynamodb.destroy();
  }
}

describe("honest voters with passkeys", () => {
  it("registers a passkey on a device and casts with it: accepted, counted, stored without NO_PASSKEY; the device keeps its passkey across sign-ins", async () => {
    const passkeys = authenticator();
    const voter = await newVoter("honest", passkeys);
    expect(await voter.sdk.passkeyOfDevice()).toBeNull();
    const { credentialId, attestation } = await voter.sdk.registerPasskey();
    expect(attestation).toBe("none");
    expect(passkeys.credentialIds).toEqual([credentialId]);
    expect(await voter.sdk.passkeyOfDevice()).toBe(credentialId);
    // Signed in again on the same device key, the API finds the passkey stored for it.
    expect(await (await signIn(voter, { passkeys, deviceKeys: voter.deviceKeys })).sdk.passkeyOfDevice()).toBe(
      credentialId,
    );

    const cast = await voter.sdk.castBallot({ electionId: elections.optional, ballot: yes });
    stored.optional += 1;
    expect(cast.decision).toBe("accepted");
    const vote = await storedVote(elections.optional, cast.receipt.receiptId);
    expect(vote.state).toBe("accepted");
    expect(vote.reasons).not.toContain("NO_PASSKEY");
    const counted = await waitFor(async () => {
      const snapshot = await official.results.results.snapshot.query({ electionId: elections.optional });
      return snapshot.turnout >= 1 ? snapshot : undefined;
    });
    expect(counted.questions[0]!.options.find((o) => o.id === "yes")!.votes).toBe(1);
  });

  it("in a passkey-required election, refuses a cast without one (PASSKEY_REQUIRED) and stores nothing; the same voter then votes with a passkey", async () => {
    const passkeys = authenticator();
    const voter = await newVoter("required", passkeys);
    expect(await outcome(voter.sdk.castBallot({ electionId: elections.required, ballot: yes }))).toBe(
      "FORBIDDEN PASSKEY_REQUIRED",
    );
    expect(await receiptOf(voter, elections.required)).toBeNull();

    await voter.sdk.registerPasskey();
    expect(await outcome(voter.sdk.castBallot({ electionId: elections.required, ballot: no }))).toBe("accepted");
    stored.required += 1;
    expect(await receiptOf(voter, elections.required)).toMatchObject({ state: "accepted" });

    // A synced passkey keeps no counter (always 0) and is backed up: as good as any other.
    const synced = await newVoter("synced", authenticator({ counter: "zero", backedUp: true }));
    await synced.sdk.registerPasskey();
    expect(await outcome(synced.sdk.castBallot({ electionId: elections.required, ballot: yes }))).toBe("accepted");
    stored.required += 1;
  });

  it("in a review-without election, holds a cast without a passkey for review (NO_PASSKEY, in the official's fraud review) and accepts one with", async () => {
    const without = await newVoter("review-without");
    const held = await without.sdk.castBallot({ electionId: elections.review, ballot: yes });
    stored.review += 1;
    expect(held.decision).toBe("quarantined");
    expect(await receiptOf(without, elections.review)).toMatchObject({ state: "quarantined" });
    expect((await storedVote(elections.review, held.receipt.receiptId)).reasons).toContain("NO_PASSKEY");
    const cases = await waitFor(async () => {
      const open = await official.control.official.fraud.list.query({
        electionId: elections.review,
        state: "quarantined",
      });
      return open.length === 1 ? open : undefined;
    });
    expect(cases[0]!.reasons).toContain("NO_PASSKEY");

    const withPasskey = await newVoter("review-with", authenticator());
    await withPasskey.sdk.registerPasskey();
    expect(await outcome(withPasskey.sdk.castBallot({ electionId: elections.review, ballot: no }))).toBe("accepted");
    stored.review += 1;
  });
});

describe("forged and misplaced passkey answers", () => {
  it("refuses an assertion moved onto another ballot, election or idempotency key; the cast it was made for is accepted", async () => {
    const passkeys = authenticator();
    const voter = await newVoter("mover", passkeys);
    const { credentialId } = await voter.sdk.registerPasskey();
    const signedCast = { electionId: elections.optional, idempotencyKey: randomUUID(), ballot: yes };
    // Counters increase with each signature, so each moved copy is otherwise a valid, fresh assertion.
    for (const moved of [
      { ...signedCast, ballot: no },
      { ...signedCast, electionId: elections.review },
      { ...signedCast, idempotencyKey: randomUUID() },
    ]) {
      const passkey = await signFor(passkeys, credentialId, signedCast);
      expect(await outcome(rawCast(voter, { ...moved, passkey }))).toBe("FORBIDDEN PASSKEY_INVALID");
    }
    expect(await receiptOf(voter, elections.optional)).toBeNull();
    expect(await receiptOf(voter, elections.review)).toBeNull();

    expect(
      await outcome(rawCast(voter, { ...signedCast, passkey: await signFor(passkeys, credentialId, signedCast) })),
    ).toBe("accepted");
    stored.optional += 1;
  });

  it("refuses an assertion by a passkey other than the one the device registered, under its own id or under the registered one's", async () => {
    const passkeys = authenticator();
    const voter = await newVoter("impostor", passkeys);
    const { credentialId } = await voter.sdk.registerPasskey();
    // The attacker's own authenticator, with a credential made from a real ceremony's options but never registered.
    const other = authenticator();
    await other.register(await creationOptions(voter));
    const otherId = other.credentialIds[0]!;

    const cast = { electionId: elections.required, idempotencyKey: randomUUID(), ballot: yes };
    expect(await outcome(rawCast(voter, { ...cast, passkey: await signFor(other, otherId, cast) }))).toBe(
      "FORBIDDEN PASSKEY_INVALID",
    );
    const relabelled = await signFor(other, otherId, cast);
    expect(
      await outcome(rawCast(voter, { ...cast, passkey: { ...relabelled, id: credentialId, rawId: credentialId } })),
    ).toBe("FORBIDDEN PASSKEY_INVALID");
    expect(await receiptOf(voter, elections.required)).toBeNull();
    // Refused without a passkey too: a failed assertion is not quietly taken as none.
    expect(await outcome(rawCast(voter, cast))).toBe("FORBIDDEN PASSKEY_REQUIRED");

    expect(await outcome(rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast) }))).toBe(
      "accepted",
    );
    stored.required += 1;
  });

  it("refuses an assertion without user verification, from an origin that is not the voter site's, or for another relying party", async () => {
    const passkeys = authenticator();
    const voter = await newVoter("unverified", passkeys);
    const { credentialId } = await voter.sdk.registerPasskey();
    const cast = { electionId: elections.optional, idempotencyKey: randomUUID(), ballot: no };
    for (const overrides of [
      { userVerified: false },
      { origin: "https://landslide-vote.example" },
      { origin: "http://127.0.0.1:3000" },
      { rpId: "landslide-vote.example" },
    ]) {
      expect([
        overrides,
        await outcome(rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast, overrides) })),
      ]).toEqual([overrides, "FORBIDDEN PASSKEY_INVALID"]);
    }
    expect(await receiptOf(voter, elections.optional)).toBeNull();
    // The same authenticator, behaving: accepted.
    expect(await outcome(rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast) }))).toBe(
      "accepted",
    );
    stored.optional += 1;
  });

  it("refuses a registration answered to a challenge issued to another account or another device key, and stores no passkey for either", async () => {
    const passkeys = authenticator();
    const owner = await newVoter("owner", passkeys);
    const response = await passkeys.register(await creationOptions(owner));

    const thief = await newVoter("thief");
    expect(await outcome(thief.sdk.vote.voter.registerPasskey.mutate({ response: response as never }))).toBe(
      "FORBIDDEN PASSKEY_INVALID",
    );
    expect(await (await signIn(thief, { deviceKeys: thief.deviceKeys })).sdk.passkeyOfDevice()).toBeNull();

    const ownersOtherDevice = await signIn(owner);
    expect(
      await outcome(ownersOtherDevice.sdk.vote.voter.registerPasskey.mutate({ response: response as never })),
    ).toBe("FORBIDDEN PASSKEY_INVALID");
    expect(await (await signIn(owner, { deviceKeys: ownersOtherDevice.deviceKeys })).sdk.passkeyOfDevice()).toBeNull();

    // Nor on the right device when the ceremony came from another site or without user verification.
    for (const overrides of [{ origin: "https://landslide-vote.example" }, { userVerified: false }]) {
      const bad = await passkeys.register(await creationOptions(owner), overrides);
      expect(await outcome(owner.sdk.vote.voter.registerPasskey.mutate({ response: bad as never }))).toBe(
        "FORBIDDEN PASSKEY_INVALID",
      );
    }
    expect(await (await signIn(owner, { deviceKeys: owner.deviceKeys })).sdk.passkeyOfDevice()).toBeNull();

    // The answer itself was good: on the device it was issued to, it registers.
    const registered = await owner.sdk.vote.voter.registerPasskey.mutate({ response: response as never });
    expect(registered.credentialId).toBe(response.id);
    expect(await (await signIn(owner, { deviceKeys: owner.deviceKeys })).sdk.passkeyOfDevice()).toBe(response.id);
  });

  it("refuses a passkey assertion from a device that registered none, even one by the same account's passkey on its other device", async () => {
    const passkeys = authenticator();
    const voter = await newVoter("two-devices", passkeys);
    const { credentialId } = await voter.sdk.registerPasskey();
    const bare = await signIn(voter);
    expect(await bare.sdk.passkeyOfDevice()).toBeNull();

    const cast = { electionId: elections.optional, idempotencyKey: randomUUID(), ballot: yes };
    expect(await outcome(rawCast(bare, { ...cast, passkey: await signFor(passkeys, credentialId, cast) }))).toBe(
      "FORBIDDEN PASSKEY_INVALID",
    );
    const stranger = await newVoter("stranger");
    expect(await outcome(rawCast(stranger, { ...cast, passkey: await signFor(passkeys, credentialId, cast) }))).toBe(
      "FORBIDDEN PASSKEY_INVALID",
    );
    expect(await receiptOf(bare, elections.optional)).toBeNull();
    expect(await receiptOf(stranger, elections.optional)).toBeNull();
    // From the device that registered it, the same passkey's assertion is a vote.
    expect(await outcome(rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast) }))).toBe(
      "accepted",
    );
    stored.optional += 1;
  });

  it("refuses an assertion whose counter is not above the registered one, from an authenticator that keeps counters", async () => {
    const passkeys = authenticator({ counter: { fixed: 41 } });
    const voter = await newVoter("counter", passkeys);
    const { credentialId } = await voter.sdk.registerPasskey();
    const cast = { electionId: elections.optional, idempotencyKey: randomUUID(), ballot: no };
    expect(
      await outcome(
        rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast, { counter: { fixed: 7 } }) }),
      ),
    ).toBe("FORBIDDEN PASSKEY_INVALID");
    expect(
      await outcome(
        rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast, { counter: { fixed: 41 } }) }),
      ),
    ).toBe("FORBIDDEN PASSKEY_INVALID");
    expect(
      await outcome(
        rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast, { counter: "zero" }) }),
      ),
    ).toBe("FORBIDDEN PASSKEY_INVALID");
    expect(await receiptOf(voter, elections.optional)).toBeNull();
    expect(
      await outcome(
        rawCast(voter, { ...cast, passkey: await signFor(passkeys, credentialId, cast, { counter: { fixed: 42 } }) }),
      ),
    ).toBe("accepted");
    stored.optional += 1;
  });
});

describe("after every attack", () => {
  it("each election holds exactly the votes the tests saw stored, and the live tally agrees with a recount", async () => {
    for (const [name, electionId] of Object.entries(elections) as Array<[keyof typeof elections, string]>) {
      const recount = await official.control.official.elections.recount.mutate({ electionId });
      expect([name, recount.votesRead]).toEqual([name, stored[name]]);
      const agreed = await waitFor(async () => {
        const again = await official.control.official.elections.recount.mutate({ electionId });
        return again.differences.length === 0 ? again : undefined;
      });
      expect(agreed.differences).toEqual([]);
    }
  });
});
