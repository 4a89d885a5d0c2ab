import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, isPortInUse, type RunningServer, SQS_LOCAL_ACCOUNT_ID, startSqsLocal } from "../src/index";

let sqs: RunningServer;
let port: number;
let client: SQSClient;

beforeAll(async () => {
  port = await freePort();
  sqs = await startSqsLocal({ port });
  // As the services build it: the local server wants a signature, not a real key.
  client = new SQSClient({
    endpoint: sqs.endpoint,
    region: "eu-west-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
});
afterAll(async () => {
  client.destroy();
  await sqs.stop();
});

describe("the local SQS server (local-aws-sqs)", () => {
  it("speaks the current SDK's protocol, with queue URLs under the account configuration derives them with", async () => {
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: "t-aggregator-dead-letters" }));
    expect(QueueUrl).toBe(`http://127.0.0.1:${port}/${SQS_LOCAL_ACCOUNT_ID}/t-aggregator-dead-letters`);
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: "a letter" }));
    const { Messages = [] } = await client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(Messages.map((m) => m.Body)).toEqual(["a letter"]);
  });

  it("listens on loopback only, and stops", async () => {
    expect(sqs.endpoint).toBe(`http://127.0.0.1:${port}`);
    const other = await startSqsLocal({ port: await freePort() });
    const otherPort = Number(new URL(other.endpoint).port);
    await other.stop();
    expect(await isPortInUse(otherPort)).toBe(false);
  });
});
