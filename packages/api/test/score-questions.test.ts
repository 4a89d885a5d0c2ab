import { describe, expect, it } from "vitest";
import { ELECTION_READ_MAX_AGE_MS, verifyBundle } from "@landslide/vote-engine";
import { nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import { countsCsv, refusalOf, resultsCsv, resultsJson, verifyReceipt } from "../src/client/index";
import { demoDeployment } from "./demo-deployment";
import { waitFor } from "./wait-for";

/**
 * A score question through the running services: an official defines it (counted by STAR),
 * voters score the options, and the live results, the recount, the exports, the certified result
 * and the public audit bundle read the same scores. A score the question does not allow is
 * refused at the vote API with a reason, never stored.
 */
const demo = demoDeployment();
const signedIn = (email: string, app?: "voter-web" | "console") => demo.signedIn(email, app);

type Method = "score" | "star" | "schulze";
const venue = (counting: { method: Method; seats: number } = { method: "star", seats: 1 }) => ({
  title: "Where the 2027 congress meets",
  questions: [
    {
      id: "venue",
      kind: "score" as const,
      prompt: "Score each city as next year's venue",
      options: [
        { id: "aarhus", label: "Aarhus" },
        { id: "bergen", label: "Bergen" },
        { id: "cork", label: "Cork" },
      ],
      minChoices: 1,
      maxChoices: 1,
      scoreRange: { min: 0, max: 5 },
      counting,
    },
  ],
});

// Aarhus has the highest total (7 against Bergen's 4), but two voters of three prefer Bergen to
// Aarhus: score voting would elect Aarhus; STAR's runoff elects Bergen.
const scorers = [
  { email: "voter1@demo.landslide.test", scores: { aarhus: 5 } },
  { email: "voter2@demo.landslide.test", scores: { aarhus: 1, bergen: 2 } },
  { email: "voter3@demo.landslide.test", scores: { aarhus: 1, bergen: 2, cork: 0 } },
];

describe("a score question through the running services", () => {
  it("refuses a definition that does not fit a score question, with the reason and the field", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const refused = async (election: ReturnType<typeof venue>) =>
      refusalOf(await official.control.official.elections.create.mutate({ election }).catch((error: unknown) => error));
    expect(await refused(venue({ method: "schulze", seats: 1 }))).toMatchObject({
      reason: "INVALID_INPUT",
      message: expect.stringContaining("schulze counts ranked questions, not score ones"),
    });
    const range = venue();
    range.questions[0]!.scoreRange = { min: 4, max: 2 };
    expect(await refused(range)).toMatchObject({
      reason: "INVALID_INPUT",
      message: expect.stringContaining("the lowest score must be below the highest"),
    });
  });

  it("counts STAR from the scores cast, live and final, and every published figure agrees", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const election = await official.control.official.elections.create.mutate({
      election: venue(),
      reason: "venue ballot of 4 December",
    });
    expect(election.questions[0]).toMatchObject({ kind: "score", scoreRange: { min: 0, max: 5 } });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "voting opens",
    });
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));

    // A voter's forged ballots: a score past the range, a fraction, a city not on the ballot, and
    // a ballot that scores nothing. Each is refused with its reason and stores nothing: the same
    // voter's honest ballot is taken afterwards.
    const attacker = await signedIn(scorers[2]!.email);
    const attempt = async (scores: Record<string, number>) =>
      refusalOf(
        await attacker
          .castBallot({ electionId: election.id, ballot: { answers: { venue: { scores } } } })
          .catch((error: unknown) => error),
      )?.reason;
    expect(await attempt({ aarhus: 6 })).toBe("INVALID_BALLOT");
    expect(await attempt({ aarhus: 2.5 })).toBe("INVALID_BALLOT");
    expect(await attempt({ dublin: 5 })).toBe("UNKNOWN_OPTION");
    expect(await attempt({ aarhus: 0, bergen: 0 })).toBe("TOO_FEW_CHOICES");
    expect(
      refusalOf(
        await attacker
          .castBallot({ electionId: election.id, ballot: { answers: { venue: { choices: ["aarhus"] } } } })
          .catch((error: unknown) => error),
      )?.reason,
    ).toBe("INVALID_BALLOT");

    const { pem } = await attacker.vote.receipts.publicKey.query();
    for (const scorer of scorers) {
      const voter = await signedIn(scorer.email);
      const cast = await voter.castBallot({
        electionId: election.id,
        ballot: { answers: { venue: { scores: scorer.scores } } },
      });
      expect(cast.decision).toBe("accepted");
      expect(await verifyReceipt(cast.receipt, pem)).toBe(true);
    }

    const live = await waitFor(async () => {
      const snapshot = await official.results.results.snapshot.query({ electionId: election.id });
      return snapshot.turnout === 3 ? snapshot : undefined;
    });
    const question = live.questions[0]!;
    expect(question).toMatchObject({
      kind: "score",
      counts: "scores",
      counting: { method: "star", seats: 1 },
      scoreRange: { min: 0, max: 5 },
      abstentions: 0,
    });
    expect(Object.fromEntries(question.options.map((o) => [o.id, o.votes]))).toEqual({ aarhus: 7, bergen: 4, cork: 0 });

    const recount = await official.control.official.elections.recount.mutate({ electionId: election.id });
    expect(recount.differences).toEqual([]);
    const count = recount.counts.venue!;
    expect(count).toMatchObject({ method: "star", winners: ["bergen"] });
    expect(count.rounds[1]).toMatchObject({ tallies: { aarhus: 1, bergen: 2 }, exhausted: 0 });
    const exported = JSON.parse(resultsJson(election, recount, new Date())) as { questions: unknown[] };
    expect(exported.questions[0]).toMatchObject({
      kind: "score",
      options: [
        { id: "aarhus", votes: 7 },
        { id: "bergen", votes: 4 },
        { id: "cork", votes: 0 },
      ],
      count: { method: "star", winners: [{ id: "bergen", label: "Bergen" }] },
    });
    expect(resultsCsv(election, recount)).toContain(
      "venue#aarhus,venue,Score each city as next year's venue,aarhus,Aarhus (total score),7",
    );
    expect(countsCsv(election, recount)).toContain(
      "venue,Score each city as next year's venue,star,1,2,bergen,Bergen,2,elected",
    );

    const closed = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "voting closes",
    });
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
    );
    const certified = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "certified",
      reason: "the count is checked",
    });
    expect(certified.to).toBe("certified");
    const bundle = await demo.publishedBundle(election.id, 3);
    expect(bundle.result.counts?.venue).toMatchObject({ method: "star", winners: ["bergen"] });
    expect(bundle.ballots.map((b) => b.ballot[0]![1])).toEqual(
      expect.arrayContaining([{ scores: { aarhus: 1, bergen: 2, cork: 0 } }]),
    );
    const report = await verifyBundle({ sha256: nodeEntropy.sha256, verifyEd25519 }, bundle);
    expect(report.discrepancies).toEqual([]);
    expect(report.ok).toBe(true);
  }, 120_000);
});
