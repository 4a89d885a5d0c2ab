import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventSource } from "eventsource";
import { readConfirmationCode } from "@landslide/local-stack";
import { testServers } from "@landslide/local-stack/testing";
import { DEMO_ELECTION_ID, ELECTION_READ_MAX_AGE_MS, type ResultsSnapshot } from "@landslide/vote-engine";
import { verifyReceiptSignature } from "@landslide/vote-engine/node-crypto";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import {
  AuthError,
  verifyReceipt,
  createLandslideClient,
  type LandslideClient,
  type LandslideClientOptions,
  refusalOf,
} from "../src/client/index";
import { type Deployment, startDeployment } from "../src/testing/index";
import { waitFor } from "./wait-for";
import { demoBallot } from "./demo-ballot";

let stack: TestStack;
let deployment: Deployment;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  // Per-account and per-device limits raised so the parallel test reaches the conditional write.
  deployment = await startDeployment(stack, {
    LANDSLIDE_CAST_LIMIT_PER_ACCOUNT: "1000",
    LANDSLIDE_CAST_LIMIT_PER_DEVICE: "1000",
    LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
  });
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

function sdk(
  app: "voter-web" | "console" | "cli" = "voter-web",
  extra: Partial<LandslideClientOptions> = {},
): LandslideClient {
  return createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds[app],
    },
    userAgent: "landslide-sdk-test/1.0",
    EventSource,
    ...extra,
  });
}

async function signedIn(
  email: string,
  app: "voter-web" | "console" | "cli" = "voter-web",
  extra: Partial<LandslideClientOptions> = {},
) {
  const client = sdk(app, extra);
  const account = stack.provisioned.accounts.find((a) => a.email === email)!;
  await client.auth.signIn(email, account.password);
  return client;
}

const reasonOf = (call: Promise<unknown>) =>
  call.then(
    () => "accepted",
    (error: unknown) =>
      error instanceof AuthError ? error.reason : (refusalOf(error)?.reason ?? `unexpected: ${String(error)}`),
  );

/** Waits for the first snapshot the predicate accepts, from the SSE subscription. */
function nextSnapshot(
  client: LandslideClient,
  electionId: string,
  accept: (s: ResultsSnapshot) => boolean,
  timeoutMs = 15_000,
) {
  return new Promise<{ snapshot: ResultsSnapshot; at: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error("no matching snapshot arrived"));
    }, timeoutMs);
    const subscription = client.results.results.live.subscribe(
      { electionId },
      {
        onData: ({ data }) => {
          if (!accept(data)) return;
          clearTimeout(timer);
          subscription.unsubscribe();
          resolve({ snapshot: data, at: Date.now() });
        },
        onError: reject,
      },
    );
  });
}

describe("a new voter through the SDK", () => {
  it("signs up, confirms by e-mail code, signs in, casts, and keeps a receipt that verifies offline; the live results show the vote", async () => {
    const voter = sdk();
    const email = `new.voter.${Date.now()}@example.org`;
    const password = "Correct-Horse-42-battery";
    expect(await voter.auth.signUp(email, password)).toEqual({ confirmed: false });
    expect(await reasonOf(voter.auth.signIn(email, password))).toBe("NOT_CONFIRMED");
    expect(await reasonOf(voter.auth.confirmSignUp(email, "000000"))).toBe("CODE_MISMATCH");
    const code = readConfirmationCode(testServers().cognitoDataDir, email);
    expect(code).toMatch(/^\d{6}$/);
    await voter.auth.confirmSignUp(email, code!);
    expect(await reasonOf(voter.auth.signIn(email, "wrong-password-1A"))).toBe("INVALID_CREDENTIALS");
    await voter.auth.signIn(email, password);

    const before = await voter.results.results.snapshot.query({ electionId: DEMO_ELECTION_ID });
    const shown = nextSnapshot(voter, DEMO_ELECTION_ID, (s) => s.turnout > before.turnout);
    void voter.prepareHumanCheck(); // as the ballot page does when it opens
    const outcome = await voter.castBallot({ electionId: DEMO_ELECTION_ID, ballot: demoBallot });
    const castAt = Date.now();
    expect(outcome).toMatchObject({ decision: "accepted", replayed: false });
    // The snapshot query reads the counters themselves: the first read that sees the vote is (within 50 ms) when the aggregator's batch committed.
    const counted = await waitFor(
      async () =>
        (await voter.results.results.snapshot.query({ electionId: DEMO_ELECTION_ID })).turnout > before.turnout
          ? Date.now()
          : undefined,
      15_000,
      50,
    );

    const { pem, keyId } = await voter.vote.receipts.publicKey.query();
    expect(outcome.receipt.keyId).toBe(keyId);
    expect(verifyReceiptSignature(outcome.receipt, pem)).toBe(true);
    expect(verifyReceiptSignature({ ...outcome.receipt, castAt: new Date(0).toISOString() }, pem)).toBe(false);
    // The same check with WebCrypto alone, as the voter's browser does it.
    expect(await verifyReceipt(outcome.receipt, pem)).toBe(true);
    expect(await verifyReceipt({ ...outcome.receipt, commitment: "0".repeat(64) }, pem)).toBe(false);
    expect(await voter.vote.voter.myReceipt.query({ electionId: DEMO_ELECTION_ID })).toEqual({
      receipt: outcome.receipt,
      salt: outcome.salt,
      state: "accepted",
    });

    const { snapshot, at } = await shown;
    console.log(
      `the aggregator counted the vote ${counted - castAt} ms after the cast; the SSE subscription showed it ${at - counted} ms after that`,
    );
    expect(at - counted).toBeLessThan(1000);
    expect(snapshot.turnout).toBe(before.turnout + 1);
    expect(snapshot.questions.find((q) => q.id === "mascot")!.options.find((o) => o.id === "heron")!.votes).toBe(
      before.questions.find((q) => q.id === "mascot")!.options.find((o) => o.id === "heron")!.votes + 1,
    );

    // Voting again with another ballot is refused, and the original receipt is not leaked for a different ballot.
    const again = voter.castBallot({
      electionId: DEMO_ELECTION_ID,
      ballot: { answers: { ...demoBallot.answers, mascot: { choices: ["fox"] } } },
    });
    expect(await reasonOf(again)).toBe("ALREADY_VOTED");
  });

  it("casts exactly one vote for one voter on two devices sending 100 requests at once", async () => {
    const email = "voter2@demo.landslide.test";
    const [laptop, phone] = [await signedIn(email), await signedIn(email)];
    await Promise.all([laptop.ensureDevice(), phone.ensureDevice()]);
    const official = await signedIn("official@demo.landslide.test", "console");
    const before = await official.control.official.elections.recount.mutate({ electionId: DEMO_ELECTION_ID });

    const ballots = [demoBallot, { answers: { ...demoBallot.answers, mascot: { choices: ["fox"] } } }];
    const attempts = Array.from({ length: 100 }, (_, i) =>
      (i % 2 === 0 ? laptop : phone).castBallot({ electionId: DEMO_ELECTION_ID, ballot: ballots[i % 4 < 2 ? 0 : 1] }),
    );
    const outcomes = await Promise.allSettled(attempts);
    const stored = outcomes.filter((o) => o.status === "fulfilled" && !o.value.replayed);
    const reasons = outcomes
      .filter((o) => o.status === "rejected")
      .map((o) => refusalOf(o.reason)?.reason ?? "no answer");
    expect(stored).toHaveLength(1);
    expect(new Set(reasons)).toEqual(new Set(["ALREADY_VOTED"]));

    const after = await official.control.official.elections.recount.mutate({ electionId: DEMO_ELECTION_ID });
    expect(after.votesRead).toBe(before.votesRead + 1);
  });
});

describe("officials through the SDK", () => {
  const definition = {
    title: "Harbour District Referendum",
    description: "Three questions, one of each kind.",
    eligibility: "voter-roll" as const,
    allowAbstain: true,
    questions: [
      {
        id: "ferry",
        kind: "single" as const,
        prompt: "Keep the night ferry?",
        options: [
          { id: "yes", label: "Yes" },
          { id: "no", label: "No" },
        ],
        minChoices: 1,
        maxChoices: 1,
      },
      {
        id: "projects",
        kind: "multi" as const,
        prompt: "Fund up to two projects",
        options: [
          { id: "pier", label: "Pier" },
          { id: "library", label: "Library" },
          { id: "market", label: "Market" },
        ],
        minChoices: 1,
        maxChoices: 2,
      },
      {
        id: "harbourmaster",
        kind: "ranked" as const,
        prompt: "Rank the candidates",
        options: [
          { id: "ines", label: "Ines" },
          { id: "tomas", label: "Tomas" },
          { id: "wen", label: "Wen" },
        ],
        minChoices: 1,
        maxChoices: 3,
      },
    ],
  };
  const ballot = {
    answers: {
      ferry: { choices: ["yes"] },
      projects: { choices: ["pier", "market"] },
      harbourmaster: { choices: ["wen", "ines"] },
    },
  };

  it("create an election, import a roll with a bad row, open it; only voters on the roll may vote; the audit trail says who did what and why", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const voter = await signedIn("voter3@demo.landslide.test");

    expect(await reasonOf(voter.control.official.elections.create.mutate({ election: definition }))).toBe(
      "ROLE_REQUIRED",
    );
    const created = await official.control.official.elections.create.mutate({
      election: definition,
      reason: "council resolution 12/2026",
    });
    expect(created.status).toBe("draft");
    expect((await voter.vote.elections.list.query()).map((e) => e.id)).not.toContain(created.id);

    const rows: Array<Record<string, string>> = [
      { email: "voter3@demo.landslide.test" },
      { email: "not-an-address" },
      { externalId: "HB-0042" },
    ];
    const imported = await official.control.official.voterRoll.import.mutate({
      electionId: created.id,
      rows,
      firstRow: 2,
    });
    expect(imported.imported).toBe(2);
    expect(imported.errors).toEqual([{ row: 3, problem: "invalid-email", message: expect.stringMatching(/e-?mail/i) }]);
    // Imported again, the same rows add nobody: the roll's size is people, not rows sent.
    const again = await official.control.official.voterRoll.import.mutate({ electionId: created.id, rows });
    expect(again.added).toBe(0);
    expect(await official.control.official.voterRoll.size.query({ electionId: created.id })).toEqual({
      electionId: created.id,
      voters: 2,
    });

    await official.control.official.elections.transition.mutate({
      electionId: created.id,
      to: "open",
      reason: "polls open",
    });
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task has seen the open by then
    expect(await voter.castBallot({ electionId: created.id, ballot })).toMatchObject({ decision: "accepted" });
    const stranger = await signedIn("voter1@demo.landslide.test");
    expect(await reasonOf(stranger.castBallot({ electionId: created.id, ballot }))).toBe("NOT_ELIGIBLE");

    const trail = await official.control.official.audit.list.query({ electionId: created.id });
    expect(trail.map((r) => [r.action, r.actor, r.reason])).toEqual([
      ["election.transition", expect.any(String), "polls open"],
      ["roll.import", expect.any(String), "voter roll import"],
      ["roll.import", expect.any(String), "voter roll import"],
      ["election.create", expect.any(String), "council resolution 12/2026"],
    ]);
    expect(new Set(trail.map((r) => r.actorSub)).size).toBe(1);
  });

  it("edit a scheduled election's ballot, keeping its schedule; once its opening time has passed, neither ballot nor schedule changes", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const election = await official.control.official.elections.create.mutate({
      election: { ...definition, eligibility: "any-signed-in-voter" },
    });
    const soon = new Date(Date.now() + 2500);
    const later = new Date(Date.now() + 3_600_000);
    await official.control.official.elections.schedule.mutate({
      electionId: election.id,
      opensAt: soon.toISOString(),
      closesAt: later.toISOString(),
      reason: "polls set",
    });
    const edited = await official.control.official.elections.update.mutate({
      electionId: election.id,
      election: { ...definition, title: "Harbour District Referendum (revised)" },
      reason: "typo in the title",
    });
    expect(edited).toMatchObject({ title: "Harbour District Referendum (revised)", status: "scheduled" });
    expect(new Date(edited.opensAt!).getTime()).toBe(soon.getTime());

    await new Promise((resolve) => setTimeout(resolve, 2600));
    expect(
      await reasonOf(
        official.control.official.elections.update.mutate({
          electionId: election.id,
          election: definition,
          reason: "too late",
        }),
      ),
    ).toBe("QUESTIONS_LOCKED");
    expect(
      await reasonOf(
        official.control.official.elections.schedule.mutate({
          electionId: election.id,
          opensAt: later.toISOString(),
          closesAt: new Date(later.getTime() + 1000).toISOString(),
          reason: "too late",
        }),
      ),
    ).toBe("INVALID_TRANSITION");
  });

  it("review quarantined ballots: a released vote counts exactly once, a voided one never", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const election = await official.control.official.elections.create.mutate({
      election: { ...definition, eligibility: "any-signed-in-voter" },
    });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "polls open",
    });
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));

    // A browser driven by automation announces it: quarantined, not refused.
    const automated = { clientHints: () => ({ webdriver: true }) };
    const [first, second] = [
      await signedIn("voter1@demo.landslide.test", "voter-web", automated),
      await signedIn("voter2@demo.landslide.test", "voter-web", automated),
    ];
    // Like a person, they take a moment with the ballot after the human check is solved.
    await Promise.all([first.prepareHumanCheck(), second.prepareHumanCheck()]);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await first.castBallot({ electionId: election.id, ballot })).toMatchObject({ decision: "quarantined" });
    expect(await second.castBallot({ electionId: election.id, ballot })).toMatchObject({ decision: "quarantined" });
    expect(await first.vote.voter.myReceipt.query({ electionId: election.id })).toMatchObject({ state: "quarantined" });

    const cases = await waitFor(async () => {
      const open = await official.control.official.fraud.list.query({ electionId: election.id, state: "quarantined" });
      return open.length === 2 ? open : undefined;
    });
    expect(cases[0]!.reasons).toContain("AUTOMATION_DECLARED");
    // Each case keeps its evidence; both came from one address block, so they form one group.
    expect(cases[0]).toMatchObject({
      networkBlock: "127.0.0.0/24",
      deviceId: expect.any(String),
      score: expect.any(Number),
    });
    const { groups } = await official.control.official.fraud.groups.query({ electionId: election.id });
    expect(groups.filter((g) => g.kind === "same-network").map((g) => [g.key, [...g.voterKeys].sort()])).toEqual([
      ["127.0.0.0/24", cases.map((c) => c.voterKey).sort()],
    ]);
    const snapshot = await official.results.results.snapshot.query({ electionId: election.id });
    expect([snapshot.turnout, snapshot.quarantined]).toEqual([0, 2]);

    expect(
      await reasonOf(
        official.control.official.fraud.release.mutate({
          electionId: election.id,
          voterKeys: [cases[0]!.voterKey],
          reason: "",
        }),
      ),
    ).toBe("INVALID_INPUT");
    const released = await official.control.official.fraud.release.mutate({
      electionId: election.id,
      voterKeys: [cases[0]!.voterKey],
      reason: "voter confirmed by phone",
    });
    expect(released.changed).toBe(1);
    const again = await official.control.official.fraud.release.mutate({
      electionId: election.id,
      voterKeys: [cases[0]!.voterKey],
      reason: "double click",
    });
    expect(again.changed).toBe(0);
    const voided = await official.control.official.fraud.void.mutate({
      electionId: election.id,
      voterKeys: [cases[1]!.voterKey],
      reason: "same device as a known bot",
    });
    expect(voided.changed).toBe(1);

    const settled = await waitFor(async () => {
      const s = await official.results.results.snapshot.query({ electionId: election.id });
      return s.quarantined === 0 ? s : undefined;
    });
    expect(settled.turnout).toBe(1);
    expect(settled.questions.find((q) => q.id === "ferry")!.options.find((o) => o.id === "yes")!.votes).toBe(1);
    const recount = await official.control.official.elections.recount.mutate({ electionId: election.id });
    expect(recount.differences).toEqual([]);
    const decided = await waitFor(async () => {
      const all = await official.control.official.fraud.list.query({ electionId: election.id });
      return all.every((c) => c.state !== "quarantined") ? all : undefined;
    });
    expect(decided.map((c) => c.state).sort()).toEqual(["released", "voided"]);

    // Certification waits for a closed election; then succeeds, as no case is open and the recount matches.
    expect(await reasonOf(official.results.results.final.query({ electionId: election.id }))).toBe("RESULTS_NOT_FINAL");
    const closed = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "polls closed",
    });
    // The final result is public once the close takes effect (and the results service's copy of the election, read at most 900 ms before, shows it): recounted, with every instant-runoff round.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
    );
    const final = await sdk().results.results.final.query({ electionId: election.id });
    expect(final.turnout).toBe(1);
    expect(final.instantRunoff.harbourmaster).toMatchObject({
      winner: "wen",
      rounds: [{ round: 1, tallies: { wen: 1, ines: 0, tomas: 0 } }],
    });
    expect(
      await official.control.official.elections.transition.mutate({
        electionId: election.id,
        to: "certified",
        reason: "results certified",
      }),
    ).toMatchObject({ to: "certified" });
  });
});

describe("operators through the SDK", () => {
  it("see every service's readiness and the votes summed over services; voters and officials may not", async () => {
    const operator = await signedIn("operator@demo.landslide.test", "cli");
    const status = await operator.control.operator.deploymentStatus.query();
    expect(status.services.map((s) => [s.service, s.ready])).toEqual([
      ["vote-api", true],
      ["control-api", true],
      ["results", true],
      ["aggregator", true],
    ]);
    expect(status.healthy).toBe(true);
    const summary = await operator.control.operator.metricsSummary.query();
    expect(summary.votes.accepted).toBeGreaterThanOrEqual(3);
    expect(summary.votes.quarantined).toBeGreaterThanOrEqual(2);
    expect(summary.refusedByReason.ALREADY_VOTED).toBeGreaterThanOrEqual(99);
    expect(summary.aggregator.applied).toBeGreaterThan(0);

    const official = await signedIn("official@demo.landslide.test", "console");
    expect(await reasonOf(official.control.operator.deploymentStatus.query())).toBe("ROLE_REQUIRED");
    const voter = await signedIn("voter1@demo.landslide.test");
    expect(await reasonOf(voter.control.operator.metricsSummary.query())).toBe("ROLE_REQUIRED");
  });
});
