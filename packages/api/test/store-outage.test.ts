import { createServer, type Server, type Socket, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@landslide/local-stack";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbVoteStore } from "@landslide/vote-engine/dynamodb";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { TRPCClientError } from "@trpc/client";
import { createLandslideClient, type LandslideClient, newIdempotencyKey } from "../src/client/index";
import type { FailedAttempt } from "../src/client/retry-policy";
import { serviceEnvironment, startService, waitForService } from "../src/testing/index";
import { waitFor } from "./wait-for";
import { demoBallot as ballot } from "./demo-ballot";

/**
 * The vote API's store going away (DynamoDB restarting, as the chaos drill does it), over real
 * HTTP against a real vote API and DynamoDB Local. The API reaches DynamoDB Local through a TCP
 * link this file can cut (then nothing listens at the API's DynamoDB endpoint: ECONNREFUSED, as
 * while DynamoDB Local restarts) and mend on the same port, or make drop the answer to the one
 * write of a vote (the write lands; the API sees the connection break).
 */
class StoreLink {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Set: the next answer to a PutItem into this table is not passed on; the connection breaks instead. */
  dropAnswerToPutInto: string | undefined;

  constructor(
    readonly port: number,
    private readonly target: URL,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async mend(): Promise<void> {
    const server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private relay(client: Socket) {
    const upstream = connect(Number(this.target.port), this.target.hostname);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.once("close", () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on("error", () => undefined);
    }
    let request = "";
    client.on("data", (chunk: Buffer) => {
      request += chunk.toString("latin1");
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      const table = this.dropAnswerToPutInto;
      if (table && request.includes("DynamoDB_20120810.PutItem") && request.includes(`"${table}"`)) {
        this.dropAnswerToPutInto = undefined;
        client.destroy();
        return;
      }
      request = "";
      client.write(chunk);
    });
  }
}

let stack: TestStack;
let link: StoreLink;
let voteApi: ReturnType<typeof startService>;
let voteApiUrl: string;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  link = new StoreLink(await freePort(), new URL(stack.target.dynamodbEndpoint!));
  await link.mend();
  const port = await freePort();
  voteApiUrl = `http://127.0.0.1:${port}`;
  voteApi = startService("vote-api", {
    ...serviceEnvironment(stack, port),
    LANDSLIDE_DYNAMODB_ENDPOINT: link.endpoint,
    LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
    LANDSLIDE_LOG_LEVEL: "warn",
  });
  await waitForService(voteApiUrl, "vote-api", voteApi);
}, 120_000);
afterAll(async () => {
  voteApi?.child.kill("SIGTERM");
  await voteApi?.exited;
  await link?.cut();
  await stack?.stop();
});

async function voter(email: string): Promise<LandslideClient> {
  const client = createLandslideClient({
    // Only the vote API is asked here.
    urls: { voteApi: voteApiUrl, controlApi: voteApiUrl, results: voteApiUrl },
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds["voter-web"],
    },
    userAgent: "landslide-store-outage-test/1.0",
  });
  const account = stack.provisioned.accounts.find((a) => a.email === email)!;
  await client.auth.signIn(account.email, account.password);
  // Registered while the store answers (registering writes to it); a cast needs no other write than its vote's.
  await client.ensureDevice();
  return client;
}

/** The votes stored in the demo election, read from DynamoDB Local itself (not through the link). */
async function storedVotes() {
  const client = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint! });
  try {
    const votes = [];
    for await (const vote of new DynamoDbVoteStore(client, stack.provisioned.tables.votes).scan(DEMO_ELECTION_ID))
      votes.push(vote);
    return votes;
  } finally {
    client.destroy();
  }
}

describe("a cast while the vote store cannot be reached", () => {
  it("is answered 503 STORE_UNAVAILABLE with a Retry-After and no stack; the SDK's retry lands it, once, when the store is back", async () => {
    const client = await voter("voter1@demo.landslide.test");
    const humanCheck = await client.prepareHumanCheck();
    const idempotencyKey = newIdempotencyKey();
    await link.cut();

    // One attempt, as the SDK sends it: the API's answer itself.
    const error: unknown = await client.vote.voter.cast
      .mutate({ electionId: DEMO_ELECTION_ID, idempotencyKey, ballot, humanCheck })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TRPCClientError);
    const refused = error as TRPCClientError<never>;
    const response = (refused.meta as { response: Response }).response;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(refused.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503, reason: "STORE_UNAVAILABLE" });
    expect(refused.message).toBe("The service cannot reach its data store just now. Try again in a moment.");
    const body = JSON.stringify(refused.shape);
    expect(body).not.toMatch(/stack|ECONNREFUSED|node_modules|\.ts:\d/);

    // The SDK's own cast: turned away while the link is cut, sent again after Retry-After, answered once it is mended.
    const failures: FailedAttempt[] = [];
    const cast = client.castBallot({
      electionId: DEMO_ELECTION_ID,
      ballot,
      idempotencyKey,
      onFailedAttempt: ({ failure }) => failures.push(failure),
    });
    await waitFor(async () => (failures.length > 0 ? true : undefined), 10_000, 20);
    await link.mend();
    const outcome = await cast;
    expect(failures[0]).toEqual({ kind: "unavailable", retryAfterMs: 1000 });
    expect(outcome).toMatchObject({ replayed: false });
    const stored = await storedVotes();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.receipt).toEqual(outcome.receipt);
    expect(stored[0]!.idempotencyKey).toBe(idempotencyKey);
  });

  it("whose vote was written but whose answer was lost on the way back gets that vote's receipt, as does its retry", async () => {
    const client = await voter("voter2@demo.landslide.test");
    const before = (await storedVotes()).length;
    const idempotencyKey = newIdempotencyKey();
    link.dropAnswerToPutInto = stack.provisioned.tables.votes;
    const failures: FailedAttempt[] = [];
    const outcome = await client.castBallot({
      electionId: DEMO_ELECTION_ID,
      ballot,
      idempotencyKey,
      onFailedAttempt: ({ failure }) => failures.push(failure),
    });
    expect(link.dropAnswerToPutInto).toBeUndefined(); // the write's answer was dropped
    // The API's store client sent the write again and met the vote it had written: that vote's
    // receipt, not PROOF_REPLAYED (the same request) nor ALREADY_VOTED.
    expect(failures).toEqual([]);
    expect(outcome).toMatchObject({ replayed: false });
    const stored = (await storedVotes()).filter((v) => v.idempotencyKey === idempotencyKey);
    expect(stored).toHaveLength(1);
    expect(outcome.receipt).toEqual(stored[0]!.receipt);
    expect((await storedVotes()).length).toBe(before + 1);

    // A retry of it from the voter (a new request, the same key and ballot) gets the same receipt.
    const again = await client.castBallot({ electionId: DEMO_ELECTION_ID, ballot, idempotencyKey });
    expect(again).toMatchObject({ replayed: true, receipt: outcome.receipt });
    expect((await storedVotes()).length).toBe(before + 1);
  });
});
