import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { DeliveryEvents, ReceivedEvent } from "../../ports";

/**
 * SES's events (deliveries, bounces, complaints) as its configuration set publishes them: through
 * SNS into an SQS queue (infra: services-stack), read by long polling and deleted once recorded.
 */
export class SqsDeliveryEvents implements DeliveryEvents {
  private readonly client: SQSClient;

  constructor(
    private readonly queueUrl: string,
    region: string,
  ) {
    this.client = new SQSClient({ region });
  }

  async receive(signal: AbortSignal): Promise<ReceivedEvent[]> {
    const answer = await this.client.send(
      new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }),
      { abortSignal: signal },
    );
    return (answer.Messages ?? []).map((message) => ({
      body: message.Body ?? "",
      done: async () => {
        await this.client.send(
          new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
      },
    }));
  }
}
