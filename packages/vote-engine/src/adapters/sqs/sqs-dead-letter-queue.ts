import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { DeadLetter, DeadLetterQueue, QueuedDeadLetter } from "../../ports";

/** SQS takes ten entries per batch call. */
const BATCH_ENTRIES = 10;
/**
 * A batch's bodies and attributes may total 256 KiB in every region and server (SQS allows 1 MiB
 * since 2025, local-aws-sqs does not); kept under it with room for the attributes.
 */
const BATCH_BYTES = 240 * 1024;
/**
 * A record longer than this is cut (escaped once more in the body, it stays under 256 KiB): no
 * vote comes near it, and a row an insider made that large must not stop the aggregator for good.
 */
const RECORD_CHARS = 100_000;
/** Entries the queue refused are sent again this often, waiting longer each time, before the send fails. */
const SEND_TRIES = 5;
const RETRY_WAIT_MS = 200;

/** The message body: the letter, whole, so that an operator can read it in the console too. */
interface Body extends DeadLetter {
  /** Set when the record was cut (see RECORD_CHARS): its length before; a re-drive then cannot read it. */
  readonly recordLength?: number;
}

/**
 * The aggregator's dead letters in an SQS queue (ServicesStack's AggregatorDeadLetterQueue; locally
 * local-aws-sqs). The body is the letter as JSON; the reason code, the election and the sequence
 * are message attributes as well, to be filtered and read without parsing.
 */
export class SqsDeadLetterQueue implements DeadLetterQueue {
  constructor(
    private readonly client: SQSClient,
    readonly queueUrl: string,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async send(letters: readonly DeadLetter[]): Promise<void> {
    for (const chunk of chunks(letters.map(toEntry))) await this.sendAll(chunk);
  }

  async receive({
    hideSeconds,
    waitSeconds = 0,
  }: {
    readonly hideSeconds: number;
    readonly waitSeconds?: number;
  }): Promise<QueuedDeadLetter[]> {
    const { Messages = [] } = await this.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: BATCH_ENTRIES,
        VisibilityTimeout: hideSeconds,
        WaitTimeSeconds: waitSeconds,
        MessageAttributeNames: ["All"],
      }),
    );
    return Messages.flatMap((message) =>
      message.ReceiptHandle && message.MessageId
        ? [{ letter: fromBody(message.Body ?? ""), id: message.MessageId, receipt: message.ReceiptHandle }]
        : [],
    );
  }

  async release(receipts: readonly string[]): Promise<void> {
    for (const chunk of inTens(receipts)) {
      // What it fails to release (answered in Failed) is not lost: it shows again when its hiding time passes.
      await this.client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((receipt, i) => ({ Id: String(i), ReceiptHandle: receipt, VisibilityTimeout: 0 })),
        }),
      );
    }
  }

  async delete(receipts: readonly string[]): Promise<void> {
    for (const chunk of inTens(receipts)) {
      const { Failed = [] } = await this.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((receipt, i) => ({ Id: String(i), ReceiptHandle: receipt })),
        }),
      );
      if (Failed.length > 0)
        throw new Error(`SQS did not delete ${Failed.length} dead letters: ${Failed[0]?.Code} ${Failed[0]?.Message}`);
    }
  }

  /** Sends a batch until SQS took every entry; only the refused ones are sent again. */
  private async sendAll(entries: SendMessageBatchRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; ; attempt++) {
      const { Failed = [] } = await this.client.send(
        new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }),
      );
      if (Failed.length === 0) return;
      const failed = new Set(Failed.map((f) => f.Id));
      pending = pending.filter((entry) => failed.has(entry.Id));
      // A refusal that is the sender's fault (too large, malformed) will not pass on a retry.
      const senderFault = Failed.find((f) => f.SenderFault);
      if (senderFault || attempt >= SEND_TRIES)
        throw new Error(
          `SQS refused ${pending.length} dead letters: ${(senderFault ?? Failed[0])?.Code} ${(senderFault ?? Failed[0])?.Message}`,
        );
      await this.wait(RETRY_WAIT_MS * 2 ** (attempt - 1));
    }
  }
}

function toEntry(letter: DeadLetter, index: number): SendMessageBatchRequestEntry {
  const body: Body =
    letter.record.length > RECORD_CHARS
      ? { ...letter, record: letter.record.slice(0, RECORD_CHARS), recordLength: letter.record.length }
      : letter;
  const attributes: Record<string, MessageAttributeValue> = {
    reason: { DataType: "String", StringValue: letter.code },
    sequenceNumber: { DataType: "String", StringValue: letter.sequenceNumber },
    ...(letter.electionId ? { electionId: { DataType: "String", StringValue: letter.electionId } } : {}),
  };
  return { Id: String(index), MessageBody: JSON.stringify(body), MessageAttributes: attributes };
}

/** A message no aggregator wrote (sent by hand, or cut) still lists, and never re-drives. */
function fromBody(text: string): DeadLetter {
  try {
    const body = JSON.parse(text) as Partial<Body>;
    if (typeof body.sequenceNumber === "string" && typeof body.record === "string")
      return {
        sequenceNumber: body.sequenceNumber,
        code: typeof body.code === "string" ? body.code : "UNREADABLE",
        reason: typeof body.reason === "string" ? body.reason : "",
        electionId: typeof body.electionId === "string" ? body.electionId : undefined,
        record: body.record,
      };
  } catch {
    // Falls through: not a letter.
  }
  return {
    sequenceNumber: "",
    code: "UNREADABLE",
    reason: "a message that is no dead letter",
    electionId: undefined,
    record: text,
  };
}

/** Batches of at most ten entries and BATCH_BYTES, with ids unique within each. */
function chunks(entries: readonly SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] {
  const result: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.MessageBody ?? "") + 512;
    if (current.length === BATCH_ENTRIES || (current.length > 0 && bytes + size > BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ ...entry, Id: String(current.length) });
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

function inTens<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH_ENTRIES) }, (_, i) =>
    items.slice(i * BATCH_ENTRIES, (i + 1) * BATCH_ENTRIES),
  );
}
