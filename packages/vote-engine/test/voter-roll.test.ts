import { afterAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { createDynamoDbClient, DynamoDbVoterRoll, ensureTables } from "../src/adapters/dynamodb";
import { InMemoryElections, InMemoryVoteStore, InMemoryVoterRoll } from "../src/adapters/memory";
import { castVote, parseRollRows, reweightedRows, type VoterRoll } from "../src/index";
import { castDependencies, demoBallot, election, idempotencyKey } from "./fixtures";

const client = createDynamoDbClient({ region: "eu-west-1", endpoint: testServers().dynamodbEndpoint });
afterAll(() => client.destroy());

describe("reading an imported voter roll", () => {
  it("keeps good rows, normalizes and de-duplicates them, and names each bad row", () => {
    const { entries, errors } = parseRollRows([
      { email: " Ada@Example.org " },
      { email: "ada@example.org" },
      { externalId: "NL-123456" },
      { email: "not-an-address" },
      { email: "x@example.org", externalId: "X1" },
      {},
      { externalId: "has spaces" },
      { email: "pt@example.org", language: "pt" },
    ]);
    expect(entries).toEqual([
      { kind: "email", value: "ada@example.org" },
      { kind: "external-id", value: "NL-123456" },
    ]);
    expect(errors).toEqual([
      { row: 4, problem: "invalid-email", message: "not a valid e-mail address" },
      { row: 5, problem: "both-identifiers", message: "give an e-mail address or an external id, not both" },
      { row: 6, problem: "no-identifier", message: "no e-mail address or external id" },
      {
        row: 7,
        problem: "invalid-external-id",
        message: "an external id is 1-128 letters, digits, '.', '_', ':' or '-'",
      },
      { row: 8, problem: "unknown-language", message: "the language is one of en, es, fr, de, ar" },
    ]);
  });

  it("reads a weight column: whole numbers up to a million, 1 left implicit, the same voter never with two weights", () => {
    const { entries, errors } = parseRollRows([
      { externalId: "D-1", weight: "30" },
      { externalId: "D-2", weight: " 1 " },
      { externalId: "D-3" },
      { externalId: "D-1", weight: "30" },
      { externalId: "D-1", weight: "31" },
      { externalId: "D-4", weight: "2.5" },
      { externalId: "D-5", weight: "0" },
      { externalId: "D-6", weight: "-3" },
      { externalId: "D-7", weight: "1000001" },
      { email: "w@example.org", weight: "1000000" },
    ]);
    expect(entries).toEqual([
      { kind: "external-id", value: "D-1", weight: 30 },
      { kind: "external-id", value: "D-2" },
      { kind: "external-id", value: "D-3" },
      { kind: "email", value: "w@example.org", weight: 1_000_000 },
    ]);
    const wrongWeight = { problem: "invalid-weight", message: "a weight is a whole number from 1 to 1,000,000" };
    expect(errors).toEqual([
      { row: 5, problem: "conflicting-weight", message: "this voter is on an earlier row with another weight" },
      { row: 6, ...wrongWeight },
      { row: 7, ...wrongWeight },
      { row: 8, ...wrongWeight },
      { row: 9, ...wrongWeight },
    ]);
  });
});

const rolls: Array<[string, () => Promise<VoterRoll>]> = [
  ["in-memory", async () => new InMemoryVoterRoll()],
  [
    "DynamoDB Local",
    async () => new DynamoDbVoterRoll(client, (await ensureTables(client, uniqueName("roll"))).names["voter-rolls"]),
  ],
];

describe.each(rolls)("a roll-based election with the %s roll", (_, makeRoll) => {
  it("lets voters on the roll cast, refuses others as NOT_ELIGIBLE and stores nothing for them, and survives a re-import", async () => {
    const roll = await makeRoll();
    const rollElection = { ...election, eligibility: "voter-roll" as const };
    const { entries } = parseRollRows([{ email: "ada@example.org" }, { externalId: "M-42" }]);
    await roll.add(rollElection.id, entries);
    await roll.add(rollElection.id, entries); // an import run twice changes nothing
    const votes = new InMemoryVoteStore();
    const deps = castDependencies(votes, { elections: new InMemoryElections([rollElection]), voterRoll: roll });
    const cast = (subject: string, identity: { email?: string; externalId?: string }) =>
      castVote(deps, {
        electionId: rollElection.id,
        subject,
        identity,
        idempotencyKey: idempotencyKey(subject.length),
        ballot: demoBallot(),
      });

    expect((await cast("ada", { email: "ADA@example.org" })).ok).toBe(true);
    expect((await cast("member", { externalId: "M-42" })).ok).toBe(true);
    expect(await cast("mallory", { email: "mallory@example.org" })).toMatchObject({
      ok: false,
      error: { code: "NOT_ELIGIBLE" },
    });
    expect(await cast("nobody", {})).toMatchObject({ ok: false, error: { code: "NOT_ELIGIBLE" } });
    const stored: string[] = [];
    for await (const vote of votes.scan(rollElection.id)) stored.push(vote.voterKey);
    expect(stored).toHaveLength(2);
  });
});

describe.each(rolls)("a weighted roll kept by the %s roll", (_, makeRoll) => {
  it("answers each voter's weight, 1 when none was given, the larger of two matching rows, and nothing for a stranger", async () => {
    const roll = await makeRoll();
    const { entries } = parseRollRows([
      { email: "delegate@example.org", weight: "30" },
      { externalId: "M-1" },
      { externalId: "M-2", weight: "7" },
      { email: "both@example.org", weight: "3" },
    ]);
    await roll.add(election.id, entries);
    expect(await roll.weightOf(election.id, [{ kind: "email", value: "delegate@example.org" }])).toBe(30);
    expect(await roll.weightOf(election.id, [{ kind: "external-id", value: "M-1" }])).toBe(1);
    const both = [
      { kind: "email" as const, value: "both@example.org" },
      { kind: "external-id" as const, value: "M-2" },
    ];
    expect(await roll.weightOf(election.id, both)).toBe(7);
    expect(await roll.weightOf(election.id, [{ kind: "email", value: "stranger@example.org" }])).toBeUndefined();
    expect(await roll.weightOf(election.id, [])).toBeUndefined();
    expect(await roll.weightOf("00000000-0000-4000-8000-000000000999", both)).toBeUndefined();

    // An import checks the weights already stored, and refuses a row that would change one.
    const again = parseRollRows([
      { email: "delegate@example.org", weight: "300" },
      { externalId: "M-1" },
      { externalId: "M-2", weight: "1" },
      { email: "new@example.org", weight: "5" },
    ]);
    const stored = await roll.weightsOf(election.id, again.entries);
    expect(Object.fromEntries(stored)).toEqual({
      "email:delegate@example.org": 30,
      "external-id:M-1": 1,
      "external-id:M-2": 7,
    });
    expect(reweightedRows(again.entries, again.entryRows, stored)).toEqual([
      {
        row: 1,
        problem: "weight-already-set",
        message: "this voter is already on the roll with weight 30, which an import cannot change",
      },
      {
        row: 3,
        problem: "weight-already-set",
        message: "this voter is already on the roll with weight 7, which an import cannot change",
      },
    ]);
  });
});

describe.each(rolls)("the size of the %s roll", (_, makeRoll) => {
  const emails = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => ({ kind: "email" as const, value: `v${from + i}@example.org` }));

  it("counts each entry once through re-imports, overlapping imports and batches past one transaction", async () => {
    const roll = await makeRoll();
    expect(await roll.size(election.id)).toBe(0);
    expect(await roll.add(election.id, emails(0, 150))).toBe(150);
    expect(await roll.add(election.id, emails(0, 150))).toBe(0);
    expect(await roll.add(election.id, [...emails(100, 220), ...emails(100, 110)])).toBe(70);
    expect(await roll.size(election.id)).toBe(220);
    expect(await roll.size("00000000-0000-4000-8000-000000000999")).toBe(0);
  });

  it("stays exact when officials import overlapping rows at the same time", async () => {
    const roll = await makeRoll();
    const added = await Promise.all([
      roll.add(election.id, emails(0, 60)),
      roll.add(election.id, emails(30, 90)),
      roll.add(election.id, emails(0, 90)),
    ]);
    expect(added.reduce((a, b) => a + b, 0)).toBe(90);
    expect(await roll.size(election.id)).toBe(90);
  });
});
