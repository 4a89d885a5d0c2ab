import { ScanCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { ELECTION_READ_MAX_AGE_MS, verifyBundle } from "@landslide/vote-engine";
import { nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import { createDynamoDbClient } from "@landslide/vote-engine/dynamodb";
import { refusalOf, resultsCsv, resultsJson, verifyReceipt } from "../src/client/index";
import { demoDeployment } from "./demo-deployment";
import { waitFor } from "./wait-for";

/**
 * Weighted voting end to end through the running services: an official imports a roll with a
 * weight column (a union's delegates weighted by the members they represent), delegates vote,
 * and every place a count is seen (the live results, the recount, the exports, the certified
 * result and the public audit bundle) adds the weights exactly, while turnout counts people.
 * A weight is signed into the receipt: a row rewritten to weigh more is caught, never counted.
 */
const demo = demoDeployment();
const signedIn = (email: string, app?: "voter-web" | "console") => demo.signedIn(email, app);

const congress = {
  title: "Dockworkers' Union Congress",
  description: "Delegates vote with the weight of the members they represent.",
  eligibility: "voter-roll" as const,
  questions: [
    {
      id: "strike",
      kind: "single" as const,
      prompt: "Call the strike?",
      options: [
        { id: "yes", label: "Yes" },
        { id: "no", label: "No" },
      ],
      minChoices: 1,
      maxChoices: 1,
    },
    {
      id: "secretary",
      kind: "ranked" as const,
      prompt: "Rank the candidates for general secretary",
      options: ["ines", "tomas", "wen"].map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
      minChoices: 1,
      maxChoices: 3,
    },
  ],
};

// North's 30 members outweigh the two smaller branches together (12 + 1).
const delegates = [
  { email: "voter1@demo.landslide.test", weight: "30", strike: "yes", secretary: ["wen", "ines"] },
  { email: "voter2@demo.landslide.test", weight: "12", strike: "no", secretary: ["ines", "wen"] },
  { email: "voter3@demo.landslide.test", weight: "", strike: "no", secretary: ["tomas", "ines"] },
];

describe("a weighted roll through the running services", () => {
  it("counts every delegate's weight exactly in the live results, the recount, the exports and the audit bundle; turnout counts people", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const election = await official.control.official.elections.create.mutate({
      election: congress,
      reason: "congress of 4 December",
    });
    const imported = await official.control.official.voterRoll.import.mutate({
      electionId: election.id,
      rows: [
        ...delegates.map(({ email, weight }): Record<string, string> => (weight ? { email, weight } : { email })),
        { externalId: "BRANCH-7", weight: "2.5" },
        { email: "voter1@demo.landslide.test", weight: "31" },
      ],
      firstRow: 2,
    });
    expect(imported.imported).toBe(3);
    expect(imported.errors).toEqual([
      { row: 5, problem: "invalid-weight", message: "a weight is a whole number from 1 to 1,000,000" },
      { row: 6, problem: "conflicting-weight", message: "this voter is on an earlier row with another weight" },
    ]);
    // A corrected file cannot quietly change a weight already on the roll: the row is refused.
    const corrected = await official.control.official.voterRoll.import.mutate({
      electionId: election.id,
      rows: [
        { email: delegates[0]!.email, weight: "300" },
        { email: delegates[1]!.email, weight: "12" },
      ],
      firstRow: 2,
    });
    expect(corrected.errors).toEqual([
      {
        row: 2,
        problem: "weight-already-set",
        message: "this voter is already on the roll with weight 30, which an import cannot change",
      },
    ]);
    expect(corrected).toMatchObject({ imported: 1, added: 0 });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "congress opens",
    });
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));

    const { pem } = await (await signedIn(delegates[0]!.email)).vote.receipts.publicKey.query();
    const receipts = [];
    for (const delegate of delegates) {
      const voter = await signedIn(delegate.email);
      const cast = await voter.castBallot({
        electionId: election.id,
        ballot: { answers: { strike: { choices: [delegate.strike] }, secretary: { choices: delegate.secretary } } },
      });
      expect(cast.decision).toBe("accepted");
      receipts.push(cast.receipt);
    }
    expect(receipts.map((r) => r.weight)).toEqual([30, 12, undefined]);
    // The weight is signed: the receipt verifies as given, and not with any other weight.
    expect(await verifyReceipt(receipts[0]!, pem)).toBe(true);
    expect(await verifyReceipt({ ...receipts[0]!, weight: 300 }, pem)).toBe(false);
    expect(await verifyReceipt({ ...receipts[2]!, weight: 2 }, pem)).toBe(false);

    const live = await waitFor(async () => {
      const snapshot = await official.results.results.snapshot.query({ electionId: election.id });
      return snapshot.turnout === 3 ? snapshot : undefined;
    });
    expect(live.weightedVotes).toBe(43);
    const votesOf = (questionId: string) =>
      Object.fromEntries(live.questions.find((q) => q.id === questionId)!.options.map((o) => [o.id, o.votes]));
    expect(votesOf("strike")).toEqual({ yes: 30, no: 13 });
    expect(votesOf("secretary")).toEqual({ ines: 12, tomas: 1, wen: 30 });

    const recount = await official.control.official.elections.recount.mutate({ electionId: election.id });
    expect(recount.differences).toEqual([]);
    expect(recount.rejected).toBe(0);
    expect(recount.counts.strike?.winners).toEqual(["yes"]);
    // Wen leads on first preferences (30 of 43) and has a majority at once.
    expect(recount.counts.secretary?.winners).toEqual(["wen"]);
    const exported = JSON.parse(resultsJson(election, recount, new Date()));
    expect(exported).toMatchObject({ turnout: 3, weightedVotes: 43 });
    expect(resultsCsv(election, recount)).toContain("__extra_weight,,,,Votes beyond one a ballot (weighted roll),40");

    const closed = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "congress closes",
    });
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
    );
    const bundle = await demo.publishedBundle(election.id, 3);
    const report = await verifyBundle({ sha256: nodeEntropy.sha256, verifyEd25519 }, bundle);
    expect(report.discrepancies).toEqual([]);
    const logged = bundle.records.flatMap(({ entry }) => (entry.type === "ballot" ? [entry.weight ?? 1] : []));
    expect(logged.sort((a, b) => a - b)).toEqual([1, 12, 30]);
    expect(bundle.result.counters).toMatchObject({ "strike#yes": 30, "strike#no": 13, __turnout: 3 });
  }, 120_000);

  it("never counts a stored vote rewritten to weigh more: the recount refuses the row and shows the difference", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const election = await official.control.official.elections.create.mutate({ election: congress });
    await official.control.official.voterRoll.import.mutate({
      electionId: election.id,
      rows: [{ email: delegates[2]!.email }],
    });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "polls open",
    });
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));
    const voter = await signedIn(delegates[2]!.email);
    const cast = await voter.castBallot({
      electionId: election.id,
      ballot: { answers: { strike: { choices: ["no"] }, secretary: { choices: ["tomas"] } } },
    });
    await waitFor(async () => {
      const snapshot = await official.results.results.snapshot.query({ electionId: election.id });
      return snapshot.turnout === 1 ? snapshot : undefined;
    });

    // Someone with write access to the votes table, but not to the vote API's signing key,
    // makes the ballot weigh a thousand votes.
    const dynamodb = createDynamoDbClient({
      region: demo.stack.target.region,
      endpoint: demo.stack.target.dynamodbEndpoint,
    });
    try {
      const { Items } = await dynamodb.send(
        new ScanCommand({
          TableName: demo.stack.provisioned.tables.votes,
          FilterExpression: "electionId = :e",
          ExpressionAttributeValues: { ":e": { S: election.id } },
        }),
      );
      expect(Items?.map((item) => item.receiptId?.S)).toEqual([cast.receipt.receiptId]);
      await dynamodb.send(
        new UpdateItemCommand({
          TableName: demo.stack.provisioned.tables.votes,
          Key: { pk: Items![0]!.pk!, sk: Items![0]!.sk! },
          UpdateExpression: "SET weight = :w",
          ExpressionAttributeValues: { ":w": { N: "1000" } },
        }),
      );
    } finally {
      dynamodb.destroy();
    }
    const recount = await official.control.official.elections.recount.mutate({ electionId: election.id });
    expect(recount.rejected).toBe(1);
    expect(recount.counters["strike#no"] ?? 0).toBe(0);
    expect(recount.differences).toEqual(expect.arrayContaining([{ counter: "strike#no", live: 1, recount: 0 }]));
    const live = await official.results.results.snapshot.query({ electionId: election.id });
    expect(live.weightedVotes).toBeUndefined();
    expect(live.questions.find((q) => q.id === "strike")!.options.find((o) => o.id === "no")!.votes).toBe(1);
    // Certifying needs a recount equal to the live tally: the forged row stops it.
    const closed = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "polls closed",
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) - Date.now())));
    expect(
      refusalOf(
        await official.control.official.elections.transition
          .mutate({ electionId: election.id, to: "certified", reason: "certify" })
          .catch((error: unknown) => error),
      )?.reason,
    ).toBe("RECOUNT_MISMATCH");
  });
});
