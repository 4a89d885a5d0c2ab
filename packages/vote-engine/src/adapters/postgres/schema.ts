import {
  bigint,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  boolean,
  primaryKey,
  index,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { LogEntry } from "../../audit/log-record";
import type { QuestionCounting } from "../../election/counting-rules";
import { electionStatuses, passkeyPolicies, questionKinds } from "../../election/definition";
import { optionOrderRules } from "../../election/option-order";
import type { ScoreRange } from "../../election/score-range";
import type { TieRule } from "../../election/tie-rule";
import type { ElectionTranslations } from "../../election/translations";
import { notificationKinds } from "../../notifications/message-kinds";

/**
 * The control plane: what officials query richly. Column names are snake_case in the
 * database (drizzle `casing`), camelCase here.
 */
export const electionStatus = pgEnum("election_status", electionStatuses);
export const questionKind = pgEnum("question_kind", questionKinds);
export const eligibility = pgEnum("eligibility", ["any-signed-in-voter", "voter-roll"]);
export const passkeyPolicy = pgEnum("passkey_policy", passkeyPolicies);
export const optionOrderRule = pgEnum("option_order_rule", optionOrderRules);
export const reviewState = pgEnum("review_state", ["quarantined", "released", "voided"]);

export const elections = pgTable(
  "elections",
  {
    id: uuid().primaryKey(),
    title: text().notNull(),
    description: text().notNull().default(""),
    /** The BCP 47 tag of the language the texts above (and the questions') are written in. */
    language: text().notNull().default("en"),
    /** The same texts in other languages, by language tag (election/translations.ts): always read with the election. */
    translations: jsonb().$type<ElectionTranslations>().notNull().default({}),
    status: electionStatus().notNull().default("draft"),
    allowAbstain: boolean().notNull().default(false),
    eligibility: eligibility().notNull().default("any-signed-in-voter"),
    passkeyPolicy: passkeyPolicy().notNull().default("optional"),
    /** How ties are settled (election/tie-rule.ts); null: by the ballot's option order. */
    tieRule: jsonb().$type<TieRule>(),
    /** The order each voter's ballot lists the options in (election/option-order.ts); null: as defined. */
    optionOrder: optionOrderRule(),
    opensAt: timestamp({ withTimezone: true }),
    closesAt: timestamp({ withTimezone: true }),
    /** When a pause or close of an open election takes effect (lifecycle.ts STOP_NOTICE_MS after it was asked). */
    stopsAt: timestamp({ withTimezone: true }),
    /** Raised by every change: the data plane's copy of the election keeps only the highest version it was sent. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.status)],
);

export const questions = pgTable(
  "questions",
  {
    electionId: uuid()
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    id: text().notNull(),
    position: integer().notNull(),
    kind: questionKind().notNull(),
    prompt: text().notNull(),
    minChoices: integer().notNull(),
    maxChoices: integer().notNull(),
    // Options are few per question and always read with it; their order matters.
    options: jsonb().$type<{ id: string; label: string }[]>().notNull(),
    /** Its counting method and seats (election/counting-rules.ts); null: its kind's default. */
    counting: jsonb().$type<QuestionCounting>(),
    /** A score question's range (election/score-range.ts); null: 0 to 5, or not a score question. */
    scoreRange: jsonb().$type<ScoreRange>(),
  },
  (table) => [primaryKey({ columns: [table.electionId, table.id] })],
);

/**
 * Quarantined votes, one case each, as officials review them. Written by the aggregator from the
 * votes stream (idempotently: replays change nothing); grouping into larger cases builds on it.
 */
export const fraudCases = pgTable(
  "fraud_cases",
  {
    electionId: uuid().notNull(),
    voterKey: text().notNull(),
    receiptId: text(),
    reasons: jsonb().$type<string[]>().notNull().default([]),
    castAt: timestamp({ withTimezone: true }),
    /** Review evidence (see ReviewEvidence): how officials group held ballots. */
    deviceId: text(),
    networkBlock: text(),
    score: integer(),
    state: reviewState().notNull().default("quarantined"),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.electionId, table.voterKey] }),
    index().on(table.electionId, table.state),
    index().on(table.receiptId),
  ],
);

/**
 * Every official's action and every lifecycle change: who, when, what and why. Rows are only
 * ever inserted; the verifiable, hash-chained log (docs/design.md §4, Audit) is built from the same events.
 */
export const auditActions = pgTable(
  "audit_actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The account's Cognito subject and its user name (an e-mail address) at the time. */
    actorSub: text().notNull(),
    actor: text().notNull(),
    action: text().notNull(),
    electionId: uuid(),
    reason: text().notNull().default(""),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index().on(table.electionId, table.at), index().on(table.at)],
);

/**
 * The verifiable log, one hash chain per election (so each election's bundle stands alone):
 * counted ballots (appended by the aggregator), counted ballots withdrawn for review and
 * reinstated, and officials' actions. Append-only; a ballot is in it at most once (unique receipt
 * id), and so is each withdrawal and reinstatement, which makes the aggregator's replays harmless.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    electionId: uuid().notNull(),
    seq: bigint({ mode: "number" }).notNull(),
    prevHash: text().notNull(),
    entry: jsonb().$type<LogEntry>().notNull(),
    hash: text().notNull(),
    receiptId: text(),
    /**
     * A withdrawal's or reinstatement's once-only key ("withdrawal:<receipt id>"): a receipt is
     * withdrawn and reinstated at most once each, so a replayed stream batch appends neither twice.
     */
    standingKey: text(),
    /** When it was appended: not part of what is hashed, only for the sealer's "every T seconds". */
    loggedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.electionId, table.seq] }),
    uniqueIndex().on(table.receiptId),
    uniqueIndex().on(table.standingKey),
  ],
);

/** Each election's chain head and seal position; the row appenders and sealers lock. */
export const auditHeads = pgTable("audit_heads", {
  electionId: uuid().primaryKey(),
  seq: bigint({ mode: "number" }).notNull().default(0),
  hash: text().notNull(),
  sealedSeq: bigint({ mode: "number" }).notNull().default(0),
  epoch: integer().notNull().default(0),
  epochRoot: text().notNull(),
});

/** Sealed epochs: the signed Merkle roots (also written to object storage, and published). */
export const auditEpochs = pgTable(
  "audit_epochs",
  {
    electionId: uuid().notNull(),
    epoch: integer().notNull(),
    firstSeq: bigint({ mode: "number" }).notNull(),
    lastSeq: bigint({ mode: "number" }).notNull(),
    root: text().notNull(),
    previousRoot: text().notNull(),
    /** Exactly the ISO string that was signed. */
    sealedAt: text().notNull(),
    keyId: text().notNull(),
    signature: text().notNull(),
  },
  (table) => [primaryKey({ columns: [table.electionId, table.epoch] })],
);

export const notificationKind = pgEnum("notification_kind", notificationKinds);
/**
 * queued → sending (leased by one sender) → sent → delivered | bounced | complained, or failed
 * (the dead letter: tried MAX_SEND_ATTEMPTS times, or refused for good), or suppressed (the
 * address asked for no mail, or bounced before). A reminder ends as `settled` with its address
 * erased, whether it was sent or its voter had already voted: nobody can read back who had.
 */
export const notificationStatuses = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "bounced",
  "complained",
  "failed",
  "suppressed",
  "settled",
] as const;
export const notificationStatus = pgEnum("notification_status", notificationStatuses);

/** The outgoing mail: a queue worked through at SES's sending rate, and the record of what went out. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    electionId: uuid()
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    /** Null once a reminder is settled. */
    recipient: text(),
    language: text().notNull(),
    status: notificationStatus().notNull().default("queued"),
    /** One message per purpose and person: "invitation:<address>", "reminder:<reminder id>:<address>". */
    dedupeKey: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp({ withTimezone: true }),
    sesMessageId: text(),
    lastError: text(),
    reminderId: uuid(),
    /** For receipts: the receipt as the voter keeps it (no salt). */
    payload: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex().on(table.electionId, table.dedupeKey),
    index().on(table.status, table.nextAttemptAt),
    index().on(table.electionId, table.kind, table.status),
    index().on(table.sesMessageId),
  ],
);

export const suppressionReason = pgEnum("suppression_reason", ["unsubscribed", "bounced", "complained"]);

/** Addresses that get no more mail: they unsubscribed, or mail to them bounced or was marked spam. */
export const mailSuppressions = pgTable("mail_suppressions", {
  email: text().primaryKey(),
  reason: suppressionReason().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Mail that goes to a whole roll once per election: invitations when it opens, results when certified. */
export const mailCampaigns = pgTable(
  "mail_campaigns",
  {
    electionId: uuid()
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    /** How many roll addresses it was queued for; null while it is being queued. */
    recipients: integer(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    queuedAt: timestamp({ withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.electionId, table.kind] })],
);

export const reminderStatus = pgEnum("reminder_status", ["scheduled", "queued", "cancelled"]);

/** Reminders an official scheduled; when one is due, every roll address gets a queued reminder. */
export const mailReminders = pgTable(
  "mail_reminders",
  {
    id: uuid().primaryKey().defaultRandom(),
    electionId: uuid()
      .notNull()
      .references(() => elections.id, { onDelete: "cascade" }),
    sendAt: timestamp({ withTimezone: true }).notNull(),
    status: reminderStatus().notNull().default("scheduled"),
    recipients: integer(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.status, table.sendAt), index().on(table.electionId)],
);

/** One row: when the next batch of mail may be claimed, so that all tasks together keep SES's rate. */
export const mailPacer = pgTable("mail_pacer", {
  id: integer().primaryKey(),
  nextBatchAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
