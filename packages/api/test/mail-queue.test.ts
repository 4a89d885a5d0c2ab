import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { freePort, readSesMailbox, type RunningServer } from "@landslide/local-stack";
import { startTestSes } from "@landslide/local-stack/testing";
import { type Election, systemClock } from "@landslide/vote-engine";
import {
  connectControlPlane,
  type ControlPlaneConnection,
  controlPlaneSchema,
  ElectionsRepository,
  MailQueue,
} from "@landslide/vote-engine/postgres";
import { SesMailer } from "@landslide/vote-engine/ses";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLogger } from "../src/logger";
import { MAX_SEND_ATTEMPTS, retryDelayMs, sendQueuedMail } from "../src/mail/send-queued-mail";
import { UnsubscribeTokens } from "../src/mail/unsubscribe-token";

/**
 * The mail queue on a real PostgreSQL and a real SES-compatible server: two senders racing never
 * send one message twice, the pacer holds every task together to the rate, a failure is tried
 * again with back-off and ends as a dead letter, suppressed addresses get nothing.
 */
let stack: TestStack;
let connection: ControlPlaneConnection;
let ses: RunningServer;
let queue: MailQueue;
let election: Election;
const logger = createLogger("mail-queue-test", "silent");
const tokens = new UnsubscribeTokens(new Uint8Array(32).fill(7));
const urls = { voterWeb: "http://localhost:3000", controlApi: "http://127.0.0.1:4001" };

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  connection = connectControlPlane(stack.target.databaseUrl, { maxConnections: 8 });
  queue = new MailQueue(connection.db);
  ses = await startTestSes({ maxSendRate: 1000 });
  election = (await new ElectionsRepository(connection.db).get(stack.provisioned.demoElectionId!))!;
  // Invitations are sent while voting is open: this test's election is, whatever its seed said.
  election = { ...election, status: "open", opensAt: null, closesAt: null };
}, 120_000);
afterAll(async () => {
  await ses?.stop();
  await connection?.close();
  await stack?.stop();
});
beforeEach(async () => {
  await connection.db.delete(controlPlaneSchema.notifications);
  await connection.db.delete(controlPlaneSchema.mailPacer);
  await fetch(`${ses.endpoint}/clear-store`, { method: "POST" });
});

const sender = (endpoint: string) =>
  sendQueuedMail({
    queue,
    mailer: new SesMailer({ region: "eu-west-1", endpoint, from: "Landslide <elections@landslide.localhost>" }),
    election: async () => election,
    hasVoted: async () => false,
    tokens,
    urls,
    now: () => systemClock.now(),
    logger,
  });

const invitations = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    electionId: election.id,
    kind: "invitation" as const,
    recipient: `voter${i}@example.org`,
    language: "en",
    dedupeKey: `invitation:voter${i}@example.org`,
  }));

const statusOf = async (recipient: string) =>
  (
    await connection.db
      .select()
      .from(controlPlaneSchema.notifications)
      .where(eq(controlPlaneSchema.notifications.recipient, recipient))
  )[0]!;

describe("the mail queue", () => {
  it("queues a message once per purpose and person, however often it is asked", async () => {
    expect(await queue.enqueue(invitations(5))).toBe(5);
    expect(await queue.enqueue(invitations(7))).toBe(2);
  });

  it("sends every message exactly once when two senders race for the same queue", async () => {
    await queue.enqueue(invitations(40));
    const [a, b] = [sender(ses.endpoint), sender(ses.endpoint)];
    // No pacing between batches here: the two claim as fast as they can, at the same moments.
    for (let round = 0; round < 6; round++) await Promise.all([a(10, 0), b(10, 0)]);
    const sent = await readSesMailbox(ses.endpoint);
    const recipients = sent.map((m) => m.destination.to[0]);
    expect(recipients).toHaveLength(40);
    expect(new Set(recipients).size).toBe(40);
  });

  it("lets one batch out per interval across all senders: the pacer keeps them together to the rate", async () => {
    await queue.enqueue(invitations(30));
    const senders = [sender(ses.endpoint), sender(ses.endpoint), sender(ses.endpoint)];
    // Three tasks each trying every 50 ms for 1.2 s, batches of 5 at most once per 500 ms between them.
    const started = Date.now();
    while (Date.now() - started < 1200) {
      await Promise.all(senders.map((send) => send(5, 500)));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const sent = (await readSesMailbox(ses.endpoint)).length;
    // Batches at 0, 500 and 1000 ms: 15, never 30 (which three unpaced tasks would have sent at once).
    expect(sent).toBeGreaterThanOrEqual(10);
    expect(sent).toBeLessThanOrEqual(15);
  });

  it("tries a failed send again later, and after the last try keeps it as a dead letter", async () => {
    await queue.enqueue(invitations(1));
    const nowhere = `http://127.0.0.1:${await freePort()}`; // SES unreachable: a failure worth another try
    expect(await sender(nowhere)(10, 0)).toMatchObject({ retry: 1 });
    const retried = await statusOf("voter0@example.org");
    expect(retried).toMatchObject({ status: "queued", attempts: 1 });
    expect(retried.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(retried.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(10_000);
    // The last try: due now, and it fails as well.
    await connection.db
      .update(controlPlaneSchema.notifications)
      .set({ attempts: MAX_SEND_ATTEMPTS - 1, nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(controlPlaneSchema.notifications.id, retried.id));
    expect(await sender(nowhere)(10, 0)).toMatchObject({ failed: 1 });
    expect(await statusOf("voter0@example.org")).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS });
    // An official sends the dead letters again: with SES back, it goes out.
    expect(await queue.retryFailed(election.id)).toBe(1);
    expect(await sender(ses.endpoint)(10, 0)).toMatchObject({ sent: 1 });
    expect(await readSesMailbox(ses.endpoint)).toHaveLength(1);
  });

  it("sends nothing to a suppressed address, and a bounce or complaint suppresses", async () => {
    await queue.enqueue(invitations(3));
    await queue.suppress("voter1@example.org", "unsubscribed");
    expect(await sender(ses.endpoint)(10, 0)).toMatchObject({ sent: 2, suppressed: 1 });
    const bounced = await statusOf("voter2@example.org");
    await queue.recordOutcome(bounced.sesMessageId!, "bounced", ["voter2@example.org"]);
    expect(await statusOf("voter2@example.org")).toMatchObject({ status: "bounced" });
    expect(await queue.isSuppressed("voter2@example.org")).toBe(true);
    expect(await queue.isSuppressed("voter0@example.org")).toBe(false);
  });

  it("backs off 15 s, then twice as long each time, at most 30 minutes and half again", () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(3, () => 0)).toBe(60_000);
    expect(retryDelayMs(3, () => 0.999)).toBeLessThan(90_000);
    expect(retryDelayMs(20, () => 0)).toBe(1_800_000);
  });
});
