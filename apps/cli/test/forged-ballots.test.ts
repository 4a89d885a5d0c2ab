import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PutItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import type { RunningServer } from "@landslide/local-stack";
import { startTestSqs, uniqueName } from "@landslide/local-stack/testing";
import { type AuditBundle, auditBundleSchema, type CanonicalBallot } from "@landslide/vote-engine";
import { createDynamoDbClient } from "@landslide/vote-engine/dynamodb";
import { createSqsClient, ensureDeadLetterQueue, SqsDeadLetterQueue } from "@landslide/vote-engine/sqs";
import { nodeEntropy } from "@landslide/vote-engine/node-crypto";
import { connectControlPlane, PostgresAuditLog } from "@landslide/vote-engine/postgres";
import { countResult } from "@landslide/vote-engine/testing";
import { type CliDeployment, json, startCliDeployment } from "./cli-deployment";

/**
 * An insider who can write to the votes table, and even to the audit log, but cannot reach the
 * vote API's receipt key: what they forge is never counted, and a published bundle that carries
 * it fails `election audit verify`, naming the receipt.
 */
let cli: CliDeployment;
/** The aggregator's dead-letter queue: a local SQS server (local-aws-sqs) of this file's own. */
let sqs: RunningServer;
let deadLetters: NodeJS.ProcessEnv;

beforeAll(async () => {
  sqs = await startTestSqs();
  const client = createSqsClient({ region: "eu-west-1", endpoint: sqs.endpoint });
  const { url } = await ensureDeadLetterQueue(client, uniqueName("forged-dead-letters")).finally(() =>
    client.destroy(),
  );
  deadLetters = { LANDSLIDE_SQS_ENDPOINT: sqs.endpoint, LANDSLIDE_AGGREGATOR_DLQ_URL: url };
  // Quick epochs, so the aggregator seals what the insider appends within a second or two.
  cli = await startCliDeployment("forged-ballots", {
    LANDSLIDE_AUDIT_EPOCH_RECORDS: "2",
    LANDSLIDE_AUDIT_EPOCH_SECONDS: "1",
    ...deadLetters,
  });
}, 180_000);
afterAll(async () => {
  await cli?.stop();
  await sqs?.stop();
});

/** What `election dead-letters` needs beside the CLI's usual settings: the aggregator's own. */
const operator = (): NodeJS.ProcessEnv => ({
  ...deadLetters,
  LANDSLIDE_DYNAMODB_ENDPOINT: cli.stack.target.dynamodbEndpoint,
  LANDSLIDE_TABLE_PREFIX: cli.stack.target.tablePrefix,
  DATABASE_URL: cli.stack.target.databaseUrl,
  LANDSLIDE_KEYS_FILE: cli.stack.keysFile,
});

interface Listed {
  letters: { sequenceNumber: string; code: string; meaning: string; electionId: string | null; copies: number }[];
  byReason: Record<string, number>;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function signedIn(app: "voter-web" | "console", email: string) {
  const client = cli.client(app, { userAgent: "landslide-attack-test/1.0" });
  await client.auth.signIn(email, cli.password(email));
  return client;
}

describe("ballots written around the vote API", () => {
  it("are not counted, are set aside as UNSIGNED_RECORD, and a bundle carrying one fails audit verify by name", async () => {
    const { stack } = cli;
    const official = await signedIn("console", "official@demo.landslide.test");
    const election = await official.control.official.elections.create.mutate({
      election: {
        title: "Harbour board",
        questions: [
          {
            id: "chair",
            kind: "single",
            prompt: "Who chairs the board?",
            options: [
              { id: "ana", label: "Ana" },
              { id: "ben", label: "Ben" },
            ],
          },
        ],
      },
      reason: "annual ballot",
    });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "polls open",
    });
    const voter = await signedIn("voter-web", "voter1@demo.landslide.test");
    await voter.prepareHumanCheck();
    await new Promise((resolve) => setTimeout(resolve, 1600)); // a person reads the ballot
    const honest = await voter.castBallot({
      electionId: election.id,
      ballot: { answers: { chair: { choices: ["ana"] } } },
    });
    expect(honest.decision).toBe("accepted");

    // The insider copies the stored vote with DynamoDB's own API: once under a new receipt id, once as it is under another voter key.
    const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
    const tables = stack.provisioned.tables;
    try {
      const { Items = [] } = await dynamodb.send(
        new ScanCommand({
          TableName: tables.votes,
          FilterExpression: "electionId = :e",
          ExpressionAttributeValues: { ":e": { S: election.id } },
        }),
      );
      const stored = Items[0]!;
      expect(Items).toHaveLength(1);
      const copy = (voterKey: string, receiptId: string) => ({
        ...stored,
        pk: { S: `ELECTION#${election.id}#VOTER#${voterKey}` },
        voterKey: { S: voterKey },
        receiptId: { S: receiptId },
      });
      await dynamodb.send(new PutItemCommand({ TableName: tables.votes, Item: copy("f".repeat(64), "f".repeat(32)) }));
      await dynamodb.send(
        new PutItemCommand({ TableName: tables.votes, Item: copy("e".repeat(64), honest.receipt.receiptId) }),
      );

      // The aggregator set both aside in its dead-letter queue; an operator lists them with their reason.
      const setAside = await until("the forged rows to be set aside", async () => {
        const listed = await cli.election(["dead-letters", "list", "--json"], operator());
        expect(listed.code, listed.stderr).toBe(0);
        const mine = json<Listed>(listed).letters.filter((l) => l.electionId === election.id);
        return mine.length === 2 ? mine : undefined;
      });
      expect(setAside.map((l) => [l.code, l.copies])).toEqual([
        ["UNSIGNED_RECORD", 1],
        ["UNSIGNED_RECORD", 1],
      ]);
      expect(setAside[0]!.meaning).toMatch(/written around the vote API/);
      const human = await cli.election(["dead-letters", "list"], operator());
      expect(human.stdout).toContain("2 dead letters (UNSIGNED_RECORD 2), not counted:");
      expect(human.stdout).toContain(election.id);

      // Someone who can send to the queue replays the honest vote's change as a letter: it passes
      // every check, but no commit of the aggregator marked it pending, so it is dropped, not counted again.
      const client = createSqsClient({ region: "eu-west-1", endpoint: sqs.endpoint });
      try {
        const record = { eventName: "INSERT", dynamodb: { SequenceNumber: "1", NewImage: stored } };
        await new SqsDeadLetterQueue(client, deadLetters.LANDSLIDE_AGGREGATOR_DLQ_URL!).send([
          {
            sequenceNumber: "1",
            code: "UNSIGNED_RECORD",
            reason: "replayed",
            electionId: election.id,
            record: JSON.stringify(record),
          },
        ]);
      } finally {
        client.destroy();
      }

      // A re-drive counts neither the forgeries nor the replay; the forgeries stay in the queue.
      const redrive = await cli.election(["dead-letters", "redrive", "--json"], operator());
      expect(redrive.code, redrive.stderr).toBe(0);
      expect(json(redrive)).toMatchObject({
        redriven: 0,
        duplicates: 1,
        stillFailing: 2,
        byReason: { UNSIGNED_RECORD: 2 },
      });
      const again = await cli.election(["dead-letters", "redrive"], operator());
      expect(again.stdout).toContain("redriven 0, still failing 2 (UNSIGNED_RECORD 2)");
      const after = json<Listed>(await cli.election(["dead-letters", "list", "--json"], operator()));
      expect(after.letters.filter((l) => l.electionId === election.id)).toHaveLength(2);
    } finally {
      dynamodb.destroy();
    }

    // Officials see the live tally, and a recount that agrees with it and says what it left out.
    const snapshot = await until("the honest vote in the live tally", async () => {
      const s = await voter.results.results.snapshot.query({ electionId: election.id });
      return s.turnout >= 1 ? s : undefined;
    });
    expect(snapshot.turnout).toBe(1);
    const recount = await official.control.official.elections.recount.mutate({ electionId: election.id });
    expect(recount).toMatchObject({ votesRead: 3, rejected: 2, differences: [] });

    // The published bundle counts the one real ballot and verifies.
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "polls closed",
    });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const published = await until("the published bundle", async () => {
      const response = await fetch(`${cli.deployment.urls.results}/v1/elections/${election.id}/audit-bundle.json`);
      return response.ok ? auditBundleSchema.parse(await response.json()) : undefined;
    });
    expect(published.ballots.map((b) => b.receiptId)).toEqual([honest.receipt.receiptId]);
    const clean = await cli.election([
      "audit",
      "verify",
      election.id,
      "--bundle",
      save("published.json", published),
      "--json",
    ]);
    expect(clean.code, clean.stderr).toBe(0);

    // An insider at the control plane appends a forged ballot to the log itself; the aggregator seals it with the real audit key.
    const controlPlane = connectControlPlane(stack.target.databaseUrl);
    try {
      const log = new PostgresAuditLog(controlPlane.db, nodeEntropy.sha256);
      const real = published.ballots[0]!;
      const forgedId = "ab".repeat(16);
      await log.append(election.id, [
        {
          type: "ballot",
          receiptId: forgedId,
          commitment: real.commitment,
          castAt: new Date().toISOString(),
          keyId: published.keys.receipt.keyId,
          binding: "00".repeat(32),
          signature: Buffer.alloc(64, 1).toString("base64url"),
        },
      ]);
      const records = await log.records(election.id);
      const epochs = await until("the forged record to be sealed", async () => {
        const sealed = await log.epochs(election.id);
        return sealed.at(-1)?.statement.lastSeq === records.length ? sealed : undefined;
      });
      const ballots = [...published.ballots, { ...real, receiptId: forgedId }];
      const forged: AuditBundle = {
        ...published,
        records,
        epochs,
        ballots,
        // The insider makes the published result agree with the forged ballot counted.
        result: await countResult(
          {
            ...published.election,
            description: "",
            allowAbstain: true,
            eligibility: "any-signed-in-voter",
            passkeyPolicy: "optional",
            opensAt: null,
            closesAt: null,
            status: "closed",
          },
          ballots.map((b) => b.ballot as CanonicalBallot),
        ),
      };
      const verdict = await cli.election([
        "audit",
        "verify",
        election.id,
        "--bundle",
        save("forged.json", forged),
        "--json",
      ]);
      expect(verdict.code).toBe(1);
      const report = json<{ ok: boolean; discrepancies: { code: string; receiptId?: string }[] }>(verdict);
      expect(report.ok).toBe(false);
      expect(report.discrepancies[0]).toMatchObject({ code: "RECEIPT_SIGNATURE_INVALID", receiptId: forgedId });
      const human = await cli.election(["audit", "verify", election.id, "--bundle", save("forged-human.json", forged)]);
      expect(human.stdout).toContain(`FAIL  Harbour board: RECEIPT_SIGNATURE_INVALID: Receipt ${forgedId}`);
    } finally {
      await controlPlane.close();
    }
  }, 180_000); // a dozen CLI processes, each a second or more on a busy two-core machine
});

function save(name: string, bundle: AuditBundle): string {
  const path = join(cli.scratch, name);
  writeFileSync(path, JSON.stringify(bundle));
  return path;
}
