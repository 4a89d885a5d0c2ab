import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { effectiveStatus, type NotificationKind, notificationKinds } from "@landslide/vote-engine";
import { controlPlaneSchema, type NotificationStatus } from "@landslide/vote-engine/postgres";
import { refusal } from "../errors";
import { officialProcedure } from "../trpc";
import { recordAction } from "./audit-action";
import { electionOrRefuse } from "./election-or-refuse";
import { reasonInput } from "./election-input";

const statuses = controlPlaneSchema.notificationStatuses;
type StatusCounts = Record<NotificationStatus, number>;
const zeroCounts = (): StatusCounts => Object.fromEntries(statuses.map((s) => [s, 0])) as StatusCounts;

/** A page's position: the last message's creation time and id, opaque to clients. */
const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });
const encodeCursor = (c: z.infer<typeof cursorSchema>) => Buffer.from(JSON.stringify(c)).toString("base64url");
const decodeCursor = (text: string) => {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString()));
  } catch {
    throw refusal("BAD_REQUEST", "INVALID_CURSOR", "That page position is not one this list gave out.");
  }
};

/** What officials see and do of an election's mail: invitations, reminders, receipts, results. */
export const officialNotificationsRouter = {
  /**
   * How far each kind of message has got. Reminders are counted per reminder and as a whole, never
   * per person: which addresses got one would say who had not voted.
   */
  summary: officialProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
    const queue = ctx.services.mail.queue();
    const [counts, campaigns, reminders, progress] = await Promise.all([
      queue.counts(election.id),
      queue.campaigns(election.id),
      queue.reminders(election.id),
      queue.reminderProgress(election.id),
    ]);
    const kinds = Object.fromEntries(notificationKinds.map((k) => [k, zeroCounts()])) as Record<
      NotificationKind,
      StatusCounts
    >;
    for (const row of counts) kinds[row.kind][row.status] = row.count;
    return {
      electionId: election.id,
      rollBased: election.eligibility === "voter-roll",
      kinds,
      campaigns: campaigns.map((c) => ({
        kind: c.kind,
        recipients: c.recipients,
        startedAt: c.startedAt.toISOString(),
        queuedAt: c.queuedAt?.toISOString() ?? null,
      })),
      reminders: reminders.map((r) => {
        const mine = progress.filter((p) => p.reminderId === r.id);
        const settled = mine.find((p) => p.status === "settled")?.count ?? 0;
        return {
          id: r.id,
          sendAt: r.sendAt.toISOString(),
          status: r.status,
          recipients: r.recipients,
          settled,
          pending: mine.reduce((sum, p) => sum + p.count, 0) - settled,
        };
      }),
    };
  }),

  /** One election's messages, newest first, a page at a time; reminders are never listed one by one. */
  list: officialProcedure
    .input(
      z
        .object({
          electionId: z.uuid(),
          kind: z.enum(["invitation", "receipt", "results"]).optional(),
          status: z.enum(statuses).optional(),
          cursor: z.string().max(200).nullish(),
          // What tRPC's infinite queries add beside the cursor (the console's "Load more").
          direction: z.enum(["forward", "backward"]).optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
      const before = input.cursor ? decodeCursor(input.cursor) : undefined;
      const rows = await ctx.services.mail.queue().list(election.id, {
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(before ? { before: { createdAt: new Date(before.createdAt), id: before.id } } : {}),
        limit: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((m) => ({
          id: m.id,
          kind: m.kind,
          recipient: m.recipient ?? "",
          language: m.language,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
        nextCursor:
          rows.length > input.limit && last
            ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
            : null,
      };
    }),

  /** A reminder to everyone on the roll who has not voted by then; `sendAt` now or later, while voting is open. */
  scheduleReminder: officialProcedure
    .input(
      z
        .object({
          electionId: z.uuid(),
          sendAt: z.iso.datetime({ offset: true }),
          reason: reasonInput.default("reminder"),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
      if (election.eligibility !== "voter-roll")
        throw refusal(
          "PRECONDITION_FAILED",
          "NOT_A_ROLL_ELECTION",
          "Reminders go to a voter roll's addresses; this election is open to any signed-in voter.",
        );
      const now = ctx.services.clock.now();
      const status = effectiveStatus(election, now);
      if (status === "closed" || status === "certified")
        throw refusal("PRECONDITION_FAILED", "ELECTION_CLOSED", "Voting has ended: there is nobody left to remind.");
      const sendAt = new Date(input.sendAt);
      if (election.closesAt && sendAt >= election.closesAt)
        throw refusal("BAD_REQUEST", "REMINDER_AFTER_CLOSE", "That time is after voting closes.");
      const reminder = await ctx.services.mail.queue().scheduleReminder(election.id, sendAt, ctx.identity.sub);
      await recordAction(ctx, "mail.reminder-schedule", election.id, input.reason, {
        reminderId: reminder.id,
        sendAt: reminder.sendAt.toISOString(),
      });
      return { id: reminder.id, sendAt: reminder.sendAt.toISOString(), status: reminder.status };
    }),

  cancelReminder: officialProcedure
    .input(
      z
        .object({ electionId: z.uuid(), reminderId: z.uuid(), reason: reasonInput.default("reminder cancelled") })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
      if (!(await ctx.services.mail.queue().cancelReminder(election.id, input.reminderId)))
        throw refusal(
          "NOT_FOUND",
          "REMINDER_NOT_FOUND",
          "No scheduled reminder of this election has that id. It may have gone out already.",
        );
      await recordAction(ctx, "mail.reminder-cancel", election.id, input.reason, { reminderId: input.reminderId });
      return { cancelled: true as const };
    }),

  /** Sends the dead letters (messages that failed every try) again, from the start. */
  retryFailed: officialProcedure
    .input(z.object({ electionId: z.uuid(), reason: reasonInput.default("failed mail sent again") }).strict())
    .mutation(async ({ ctx, input }) => {
      const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
      const requeued = await ctx.services.mail.queue().retryFailed(election.id);
      await recordAction(ctx, "mail.retry", election.id, input.reason, { requeued });
      return { requeued };
    }),
} satisfies TRPCRouterRecord;
