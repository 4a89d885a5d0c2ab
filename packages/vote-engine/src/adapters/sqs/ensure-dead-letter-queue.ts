import { CreateQueueCommand, GetQueueUrlCommand, QueueDoesNotExist, type SQSClient } from "@aws-sdk/client-sqs";

/** SQS keeps a message 14 days at most: the alarm on the queue's depth gives operators that long to re-drive. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

/**
 * Creates the aggregator's dead-letter queue unless it exists; safe to repeat. A standard queue:
 * a letter may arrive twice (the re-drive is idempotent), and ordering does not matter.
 * On AWS the queue is infra's (ServicesStack), with KMS and a TLS-only policy; this is for local stacks.
 */
export async function ensureDeadLetterQueue(
  client: SQSClient,
  name: string,
): Promise<{ readonly url: string; readonly created: boolean }> {
  try {
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: name }));
    if (QueueUrl) return { url: QueueUrl, created: false };
  } catch (error) {
    if (!(error instanceof QueueDoesNotExist)) throw error;
  }
  const { QueueUrl } = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: { MessageRetentionPeriod: String(DEAD_LETTER_RETENTION_SECONDS) },
    }),
  );
  if (!QueueUrl) throw new Error(`SQS created ${name} without answering its URL`);
  return { url: QueueUrl, created: true };
}
