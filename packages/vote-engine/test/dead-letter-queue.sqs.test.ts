import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { RunningServer } from "@landslide/local-stack";
import { startTestSqs, uniqueName } from "@landslide/local-stack/testing";
import { InMemoryTallyStore } from "../src/adapters/memory";
import { redriveDeadLetters } from "../src/adapters/dynamodb";
import {
  createSqsClient,
  DEAD_LETTER_RETENTION_SECONDS,
  ensureDeadLetterQueue,
  SqsDeadLetterQueue,
} from "../src/adapters/sqs";
import type { DeadLetter } from "../src/ports";
import { admitSigned } from "./fixtures";

let server: RunningServer;
let sqs: SQSClient;
beforeAll(async () => {
  server = await startTestSqs();
  sqs = createSqsClient({ region: "eu-west-1", endpoint: server.endpoint });
});
afterAll(async () => {
  sqs?.destroy();
  await server?.stop();
});

const letter = (n: number, record = `{"dynamodb":{"SequenceNumber":"${n}"}}`): DeadLetter => ({
  sequenceNumber: String(n).padStart(21, "0"),
  code: "UNSIGNED_RECORD",
  reason: `UNSIGNED_RECORD: receipt ${n} does not verify`,
  electionId: n % 2 === 0 ? "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61" : undefined,
  record,
});

async function drain(queue: SqsDeadLetterQueue) {
  const all = [];
  for (;;) {
    const page = await queue.receive({ hideSeconds: 60 });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

describe("the aggregator's dead-letter queue on local-aws-sqs", () => {
  it("is created once, keeping letters the longest SQS allows", async () => {
    const name = uniqueName("dlq");
    const first = await ensureDeadLetterQueue(sqs, name);
    expect(first.created).toBe(true);
    expect(first.url).toBe(`${server.endpoint}/000000000000/${name}`);
    expect(await ensureDeadLetterQueue(sqs, name)).toEqual({ url: first.url, created: false });
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: first.url, AttributeNames: ["MessageRetentionPeriod"] }),
    );
    expect(Number(Attributes?.MessageRetentionPeriod)).toBe(DEAD_LETTER_RETENTION_SECONDS);
  });

  it("sends more than one batch's worth, each letter whole, with its reason and election as attributes", async () => {
    const { url } = await ensureDeadLetterQueue(sqs, uniqueName("dlq"));
    const queue = new SqsDeadLetterQueue(sqs, url);
    const letters = Array.from({ length: 23 }, (_, i) => letter(i + 1));
    await queue.send(letters);
    const received = await drain(queue);
    expect(received.map((r) => r.letter).sort((a, b) => a.sequenceNumber.localeCompare(b.sequenceNumber))).toEqual(
      letters,
    );
    expect(new Set(received.map((r) => r.id)).size).toBe(23);
    // An operator can read the reason and election without parsing the body (the console, the AWS CLI).
    await queue.release(received.map((r) => r.receipt));
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"] }),
    );
    const even = Messages.find((m) => Number(m.MessageAttributes?.sequenceNumber?.StringValue) % 2 === 0)!;
    expect(even.MessageAttributes).toMatchObject({
      reason: { StringValue: "UNSIGNED_RECORD" },
      electionId: { StringValue: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61" },
    });
    await queue.delete(received.map((r) => r.receipt));
    expect(await drain(queue)).toEqual([]);
  });

  it("cuts a record too large to send rather than stop the aggregator; the cut letter never re-drives", async () => {
    const { url } = await ensureDeadLetterQueue(sqs, uniqueName("dlq"));
    const queue = new SqsDeadLetterQueue(sqs, url);
    const huge = letter(2, JSON.stringify({ dynamodb: { SequenceNumber: "2", padding: "x".repeat(300_000) } }));
    await queue.send([huge, letter(4)]);
    const received = await drain(queue);
    const cut = received.find((r) => r.letter.sequenceNumber === huge.sequenceNumber)!.letter;
    expect(cut.record.length).toBeLessThan(huge.record.length);
    await queue.release(received.map((r) => r.receipt));
    const tallies = new InMemoryTallyStore(4);
    const report = await redriveDeadLetters({ queue, tallies, admit: admitSigned, hideSeconds: 30 });
    expect(report.redriven + report.duplicates).toBe(0);
    expect(report.stillFailing.map((l) => l.code)).toEqual(["UNREADABLE", "UNREADABLE"]);
    expect(await drain(queue)).toHaveLength(2);
  });
});
