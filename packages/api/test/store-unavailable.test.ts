import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  DynamoDBServiceException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-dynamodb";
import { TRPCError } from "@trpc/server";
import { freePort } from "@landslide/local-stack";
import { Refusal } from "../src/errors";
import { retrySafe, storeOutage, storeUnavailable } from "../src/store-unavailable";

/**
 * The errors are the AWS SDK's own: a real DynamoDBClient sending to a closed port, to a server
 * that hangs up, answers 5xx or never answers. Only the ones a test cannot provoke on loopback
 * (a connect timeout, Node's AggregateError of a dual-stack host, a conditional check failure
 * with its item) are built by hand, as @smithy/node-http-handler and the SDK build them.
 */
const servers: Server[] = [];
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** What a PutItem to `endpoint` throws, after the SDK's own retries (one attempt unless told). */
async function sdkError(
  endpoint: string,
  requestHandler: Record<string, unknown> = {},
  maxAttempts = 1,
): Promise<unknown> {
  const client = new DynamoDBClient({
    region: "eu-west-1",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts,
    requestHandler,
  });
  try {
    await client.send(new PutItemCommand({ TableName: "votes", Item: { pk: { S: "v" } } }));
  } catch (error) {
    return error;
  } finally {
    client.destroy();
  }
  throw new Error("the request succeeded");
}

const dynamoFault = (status: number, type: string) =>
  serve((_, response) => {
    response.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
    response.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: "from the test" }));
  });

const metadata = { httpStatusCode: 400, requestId: "R", attempts: 1, totalRetryDelay: 0 };

describe("reading an AWS SDK error as the store out of reach", () => {
  let closedPort: number;
  beforeAll(async () => {
    closedPort = await freePort();
  });

  it("reads a refused connection as an outage that wrote nothing", async () => {
    const error = await sdkError(`http://127.0.0.1:${closedPort}`);
    expect(error).toMatchObject({ code: "ECONNREFUSED", syscall: "connect", $metadata: { attempts: 1 } });
    expect(storeOutage(error)).toEqual({ written: "no", seen: "ECONNREFUSED" });
  });

  it("reads a refusal after the SDK's retries as an outage that may have written (an earlier attempt's answer may have been lost)", async () => {
    const error = await sdkError(`http://127.0.0.1:${closedPort}`, {}, 2);
    expect(error).toMatchObject({ code: "ECONNREFUSED", $metadata: { attempts: 2 } });
    expect(storeOutage(error)).toEqual({ written: "unknown", seen: "ECONNREFUSED" });
  });

  it("reads a dropped connection (socket hang up) as an outage that may have written", async () => {
    const error = await sdkError(await serve((request) => request.socket.destroy()));
    expect(error).toMatchObject({ message: "socket hang up", code: "ECONNRESET", name: "TimeoutError" });
    expect(storeOutage(error)).toEqual({ written: "unknown", seen: "ECONNRESET" });
  });

  it("reads the handler's request and socket timeouts as outages that may have written", async () => {
    const silent = await serve(() => {});
    const requestTimeout = await sdkError(silent, { requestTimeout: 200, throwOnRequestTimeout: true });
    expect(requestTimeout).toMatchObject({ name: "TimeoutError", code: "ETIMEDOUT" });
    expect(storeOutage(requestTimeout)).toMatchObject({ written: "unknown" });
    const socketTimeout = await sdkError(silent, { socketTimeout: 200 });
    expect(socketTimeout).toMatchObject({ name: "TimeoutError" });
    expect(storeOutage(socketTimeout)).toMatchObject({ written: "unknown" });
  });

  it("reads a 5xx the SDK gave up on as an outage that may have written", async () => {
    const internal = await sdkError(await dynamoFault(500, "InternalServerError"));
    expect(internal).toBeInstanceOf(InternalServerError);
    expect(internal).toMatchObject({ $fault: "server", $metadata: { httpStatusCode: 500 } });
    expect(storeOutage(internal)).toEqual({ written: "unknown", seen: "InternalServerError (500)" });
    const unavailable = await sdkError(await dynamoFault(503, "ServiceUnavailable"));
    expect(unavailable).toBeInstanceOf(DynamoDBServiceException);
    expect(storeOutage(unavailable)).toEqual({ written: "unknown", seen: "ServiceUnavailable (503)" });
  });

  it("reads a connect timeout, and every address of a host refusing, as outages that wrote nothing", () => {
    // @smithy/node-http-handler's connectionTimeout: the request was never sent.
    const connectTimeout = Object.assign(
      new Error(
        "@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1000 ms.",
      ),
      { name: "TimeoutError", $metadata: { attempts: 1, totalRetryDelay: 0 } },
    );
    expect(storeOutage(connectTimeout)).toEqual({ written: "no", seen: "TimeoutError (connect)" });
    // Node's happy eyeballs (localhost as ::1 and 127.0.0.1): one AggregateError of each refusal.
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:8000`), {
        errno: -111,
        code: "ECONNREFUSED",
        syscall: "connect",
        address,
        port: 8000,
      });
    const both = [refused("::1"), refused("127.0.0.1")];
    const aggregate = Object.assign(new AggregateError(both), { code: "ECONNREFUSED", $metadata: { attempts: 1 } });
    expect(storeOutage(aggregate)).toMatchObject({ written: "no" });
    const withoutCode = Object.assign(new AggregateError(both), { $metadata: { attempts: 1 } });
    expect(storeOutage(withoutCode)).toEqual({ written: "no", seen: "ECONNREFUSED" });
  });

  it("finds the SDK's error under the error tRPC wraps it in", async () => {
    const cause = await sdkError(`http://127.0.0.1:${closedPort}`);
    const wrapped = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause });
    expect(storeOutage(wrapped)).toEqual({ written: "no", seen: "ECONNREFUSED" });
    expect(storeOutage(new Error("writing the vote failed", { cause }))).toMatchObject({ written: "no" });
  });

  it("does not read the store's answers about the request itself as an outage", () => {
    const conditional = new ConditionalCheckFailedException({
      message: "The conditional request failed",
      $metadata: metadata,
      Item: { pk: { S: "v" } },
    });
    expect(conditional.$fault).toBe("client");
    expect(storeOutage(conditional)).toBeUndefined();
    expect(storeOutage(new ResourceNotFoundException({ message: "no table", $metadata: metadata }))).toBeUndefined();
    // Throttling is the store answering, not the store gone: left to the caller as before.
    expect(
      storeOutage(new ProvisionedThroughputExceededException({ message: "slow down", $metadata: metadata })),
    ).toBeUndefined();
  });

  it("does not read other errors as the store's, even with the same errno", () => {
    // A refusal from another dependency (a fetch, Postgres): it did not come through the AWS SDK.
    const bare = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(storeOutage(bare)).toBeUndefined();
    expect(storeOutage(new TypeError("Cannot read properties of undefined"))).toBeUndefined();
    expect(storeOutage(new Refusal("OVERLOADED", "busy"))).toBeUndefined();
    expect(storeOutage(undefined)).toBeUndefined();
    expect(storeOutage("ECONNREFUSED")).toBeUndefined();
    const loop: { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(storeOutage(loop)).toBeUndefined();
  });
});

describe("when an outage may be answered as one to retry", () => {
  const nothingWritten = { written: "no", seen: "ECONNREFUSED" } as const;
  const maybeWritten = { written: "unknown", seen: "ECONNRESET" } as const;

  it("always for a read, and for a write that never reached the store", () => {
    expect(retrySafe(maybeWritten, { type: "query", idempotent: false })).toBe(true);
    expect(retrySafe(nothingWritten, { type: "mutation", idempotent: false })).toBe(true);
  });

  it("for a write that may have landed, only when it is idempotent (the cast)", () => {
    expect(retrySafe(maybeWritten, { type: "mutation", idempotent: false })).toBe(false);
    expect(retrySafe(maybeWritten, { type: "mutation", idempotent: true })).toBe(true);
  });

  it("answers 503 STORE_UNAVAILABLE with a Retry-After and plain words", () => {
    const error = storeUnavailable();
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.cause).toBeInstanceOf(Refusal);
    expect(error.cause).toMatchObject({ reason: "STORE_UNAVAILABLE", retryAfterSeconds: 1 });
    expect(error.message).not.toMatch(/ECONN|DynamoDB|Exception/);
  });
});
