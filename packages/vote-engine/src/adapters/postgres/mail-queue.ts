import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { NotificationKind } from "../../notifications/message-kinds";
import type { ControlPlaneDb } from "./client";
import { mailCampaigns, mailPacer, mailReminders, mailSuppressions, notifications } from "./schema";

export type QueuedMessage = typeof notifications.$inferSelect;
export type NotificationStatus = QueuedMessage["status"];
export type SuppressionReason = (typeof mailSuppressions.$inferSelect)["reason"];
export type MailReminder = typeof mailReminders.$inferSelect;

export interface NewMessage {
  readonly electionId: string;
  readonly kind: NotificationKind;
  readonly recipient: string;
  readonly language: string;
  readonly dedupeKey: string;
  readonly reminderId?: string;
  readonly payload?: Record<string, unknown>;
}

/** What happened to a message at SES after it was accepted (its configuration set's events). */
export type DeliveryOutcome = "delivered" | "bounced" | "complained";

/**
 * A message's creation time to the millisecond, as a page's cursor carries it (a JavaScript
 * Date): Postgres keeps microseconds, and a whole campaign's rows share one instant.
 */
const createdMs = sql<Date>`date_trunc('milliseconds', ${notifications.createdAt})`;

/** A campaign left half-queued this long ago (its task died) is queued again; the rows are idempotent. */
const STALLED_CAMPAIGN_MS = 120_000;

/**
 * The outgoing mail in the control plane: a queue (claimed with SKIP LOCKED, leased, retried) and
 * the record officials read of what went out. Every write is idempotent where a crash could repeat
 * it: a message exists once per election and dedupe key, a campaign once per election and kind.
 */
export class MailQueue {
  constructor(private readonly db: ControlPlaneDb) {}

  /** Queues messages; one already queued for the same purpose and person is left as it is. Answers how many are new. */
  async enqueue(messages: readonly NewMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const inserted = await this.db
      .insert(notifications)
      .values(messages.map((m) => ({ ...m, reminderId: m.reminderId ?? null, payload: m.payload ?? null })))
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    return inserted.length;
  }

  /** The message queued for this purpose and person, if any. */
  async byDedupeKey(electionId: string, dedupeKey: string): Promise<QueuedMessage | undefined> {
    const [row] = await this.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.electionId, electionId), eq(notifications.dedupeKey, dedupeKey)));
    return row;
  }

  /** Puts a message that ended badly (failed, bounced, suppressed) back in the queue, as new. */
  async requeue(id: string): Promise<void> {
    await this.db
      .update(notifications)
      .set({ status: "queued", attempts: 0, nextAttemptAt: sql`now()`, lastError: null, updatedAt: sql`now()` })
      .where(eq(notifications.id, id));
  }

  /**
   * Takes the right to queue a whole roll's campaign (invitations, results) for an election: true
   * for exactly one caller, unless a caller took it and never finished (its task died), in which
   * case it is taken again after a while.
   */
  async claimCampaign(electionId: string, kind: NotificationKind): Promise<boolean> {
    const claimed = await this.db
      .insert(mailCampaigns)
      .values({ electionId, kind })
      .onConflictDoUpdate({
        target: [mailCampaigns.electionId, mailCampaigns.kind],
        set: { startedAt: sql`now()` },
        setWhere: and(
          isNull(mailCampaigns.queuedAt),
          lt(mailCampaigns.startedAt, sql`now() - make_interval(secs => ${STALLED_CAMPAIGN_MS / 1000})`),
        ),
      })
      .returning({ electionId: mailCampaigns.electionId });
    return claimed.length > 0;
  }

  async finishCampaign(electionId: string, kind: NotificationKind, recipients: number): Promise<void> {
    await this.db
      .update(mailCampaigns)
      .set({ recipients, queuedAt: sql`now()` })
      .where(and(eq(mailCampaigns.electionId, electionId), eq(mailCampaigns.kind, kind)));
  }

  async campaigns(electionId: string) {
    return this.db.select().from(mailCampaigns).where(eq(mailCampaigns.electionId, electionId));
  }

  async scheduleReminder(electionId: string, sendAt: Date, createdBy: string): Promise<MailReminder> {
    const [row] = await this.db.insert(mailReminders).values({ electionId, sendAt, createdBy }).returning();
    return row!;
  }

  /** Cancels a reminder not yet queued; false when there is none such. */
  async cancelReminder(electionId: string, reminderId: string): Promise<boolean> {
    const cancelled = await this.db
      .update(mailReminders)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(mailReminders.id, reminderId),
          eq(mailReminders.electionId, electionId),
          eq(mailReminders.status, "scheduled"),
        ),
      )
      .returning({ id: mailReminders.id });
    return cancelled.length > 0;
  }

  async reminders(electionId: string): Promise<MailReminder[]> {
    return this.db
      .select()
      .from(mailReminders)
      .where(eq(mailReminders.electionId, electionId))
      .orderBy(asc(mailReminders.sendAt));
  }

  /** Reminders whose time has come and that are not queued yet. */
  async dueReminders(now: Date): Promise<MailReminder[]> {
    return this.db
      .select()
      .from(mailReminders)
      .where(and(eq(mailReminders.status, "scheduled"), lt(mailReminders.sendAt, now)))
      .orderBy(asc(mailReminders.sendAt))
      .limit(20);
  }

  async markReminderQueued(reminderId: string, recipients: number): Promise<void> {
    await this.db
      .update(mailReminders)
      .set({ status: "queued", recipients })
      .where(and(eq(mailReminders.id, reminderId), eq(mailReminders.status, "scheduled")));
  }

  /**
   * Claims up to `limit` messages due now for this caller, at most once per `spacingMs` across
   * every task (the pacer row): together the tasks send no faster than SES allows. A message
   * whose lease ran out (its sender died mid-send) is claimed again.
   */
  async claimBatch(limit: number, spacingMs: number, leaseMs: number): Promise<QueuedMessage[]> {
    return this.db.transaction(async (tx) => {
      const paced = await tx.execute(sql`
        insert into ${mailPacer} (id, next_batch_at) values (1, now() + make_interval(secs => ${spacingMs / 1000}))
        on conflict (id) do update set next_batch_at = excluded.next_batch_at
        where ${mailPacer.nextBatchAt} <= now()
        returning id`);
      if (paced.rows.length === 0) return [];
      const due = tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          or(
            and(eq(notifications.status, "queued"), lt(notifications.nextAttemptAt, sql`now()`)),
            and(eq(notifications.status, "sending"), lt(notifications.leaseUntil, sql`now()`)),
          ),
        )
        .orderBy(asc(notifications.nextAttemptAt))
        .limit(limit)
        .for("update", { skipLocked: true });
      return tx
        .update(notifications)
        .set({
          status: "sending",
          attempts: sql`${notifications.attempts} + 1`,
          leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
          updatedAt: sql`now()`,
        })
        .where(inArray(notifications.id, due))
        .returning();
    });
  }

  async markSent(id: string, sesMessageId: string): Promise<void> {
    await this.settle(id, { status: "sent", sesMessageId, sentAt: new Date(), lastError: null });
  }

  async markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.settle(id, { status: "queued", lastError: error, nextAttemptAt });
  }

  /** The dead letter: kept, with its last error, for an official to see and send again. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.settle(id, { status: "failed", lastError: error });
  }

  async markSuppressed(id: string): Promise<void> {
    await this.settle(id, { status: "suppressed" });
  }

  /**
   * A reminder is done, whether it went out or its voter had already voted: its address is erased
   * and both end alike, so the record never says who had voted.
   */
  async settleReminder(id: string): Promise<void> {
    await this.settle(id, { status: "settled", recipient: null, lastError: null });
  }

  private async settle(id: string, set: Partial<typeof notifications.$inferInsert>): Promise<void> {
    await this.db
      .update(notifications)
      .set({ ...set, leaseUntil: null, updatedAt: sql`now()` })
      .where(eq(notifications.id, id));
  }

  /** What SES reported after accepting a message; the addresses in `suppress` get no more mail. */
  async recordOutcome(sesMessageId: string, outcome: DeliveryOutcome, suppress: readonly string[]): Promise<void> {
    await this.db
      .update(notifications)
      .set({ status: outcome, updatedAt: sql`now()` })
      .where(and(eq(notifications.sesMessageId, sesMessageId), ne(notifications.status, "settled")));
    for (const email of suppress) await this.suppress(email, outcome === "complained" ? "complained" : "bounced");
  }

  async suppress(email: string, reason: SuppressionReason): Promise<void> {
    await this.db.insert(mailSuppressions).values({ email, reason }).onConflictDoNothing();
  }

  async isSuppressed(email: string): Promise<boolean> {
    const [row] = await this.db
      .select({ email: mailSuppressions.email })
      .from(mailSuppressions)
      .where(eq(mailSuppressions.email, email));
    return row !== undefined;
  }

  /** How many messages of each kind stand at each status, for one election. */
  async counts(electionId: string) {
    return this.db
      .select({ kind: notifications.kind, status: notifications.status, count: count() })
      .from(notifications)
      .where(eq(notifications.electionId, electionId))
      .groupBy(notifications.kind, notifications.status);
  }

  /** Reminders queued but not settled, per reminder: how far each has got. */
  async reminderProgress(electionId: string) {
    return this.db
      .select({ reminderId: notifications.reminderId, status: notifications.status, count: count() })
      .from(notifications)
      .where(and(eq(notifications.electionId, electionId), eq(notifications.kind, "reminder")))
      .groupBy(notifications.reminderId, notifications.status);
  }

  /**
   * One election's messages, newest first, a page at a time (`before`: the last page's oldest
   * creation time and id). Reminders are never listed one by one: who got one would say who had
   * not voted.
   */
  async list(
    electionId: string,
    filter: {
      kind?: Exclude<NotificationKind, "reminder">;
      status?: NotificationStatus;
      before?: { createdAt: Date; id: string };
      limit: number;
    },
  ): Promise<QueuedMessage[]> {
    return this.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.electionId, electionId),
          ne(notifications.kind, "reminder"),
          filter.kind ? eq(notifications.kind, filter.kind) : undefined,
          filter.status ? eq(notifications.status, filter.status) : undefined,
          filter.before
            ? or(
                lt(createdMs, filter.before.createdAt),
                and(eq(createdMs, filter.before.createdAt), lt(notifications.id, filter.before.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(createdMs), desc(notifications.id))
      .limit(filter.limit);
  }

  /** Puts an election's dead letters (failed) back in the queue; answers how many. */
  async retryFailed(electionId: string): Promise<number> {
    const rows = await this.db
      .update(notifications)
      .set({ status: "queued", attempts: 0, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(notifications.electionId, electionId),
          eq(notifications.status, "failed"),
          isNotNull(notifications.recipient),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length;
  }
}
