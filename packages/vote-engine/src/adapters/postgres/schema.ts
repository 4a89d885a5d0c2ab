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
import { electionStatuses, passkeyPolicies, questionKinds } from "../../election/definition";

/**
 * The control plane: what officials query richly. Column names are snake_case in the
 * database (drizzle `casing`), camelCase here.
 */
export const electionStatus = pgEnum("election_status", electionStatuses);
export const questionKind = pgEnum("question_kind", questionKinds);
export const eligibility = pgEnum("eligibility", ["any-signed-in-voter", "voter-roll"]);
export const passkeyPolicy = pgEnum("passkey_policy", passkeyPolicies);
export const reviewState = pgEnum("review_state", ["quarantined", "released", "voided"]);

export const elections = pgTable(
  "elections",
  {
    id: uuid().primaryKey(),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: electionStatus().notNull().default("draft"),
    allowAbstain: boolean().notNull().default(false),
    eligibility: eligibility().notNull().default("any-signed-in-voter"),
    passkeyPolicy: passkeyPolicy().notNull().default("optional"),
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
