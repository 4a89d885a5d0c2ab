import { z } from "zod";
import { canonicalBallotSchema } from "../ballot/canonical-answer-schema";
import { questionSchema } from "../election/definition";
import { ballotOrderSchema, optionOrderRuleSchema } from "../election/option-order";
import { tieRuleSchema } from "../election/tie-rule";
import { methodNames, tieRuleNames } from "../tally/counting";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 hash in lower-case hex");
const publicKey = z.object({ keyId: z.string().min(1), pem: z.string().startsWith("-----BEGIN PUBLIC KEY-----") });

const entrySchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("ballot"),
    receiptId: z.string().min(1),
    commitment: hex64,
    castAt: z.string(),
    keyId: z.string().min(1),
    binding: hex64,
    signature: z.string().min(1),
    /** From a weighted roll: how many votes the ballot is worth, signed with the receipt; absent: 1. */
    weight: z.number().int().positive().optional(),
    /** From an election that draws each voter's option order: the order the ballot listed them in, signed with the receipt. */
    optionOrder: ballotOrderSchema.optional(),
  }),
  z.object({
    type: z.literal("action"),
    action: z.string(),
    actor: z.string(),
    at: z.string(),
    reason: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
  z.object({ type: z.literal("withdrawal"), receiptId: z.string().min(1), reasons: z.array(z.string()) }),
  z.object({ type: z.literal("reinstatement"), receiptId: z.string().min(1) }),
]);

export const logRecordSchema = z.object({
  electionId: z.string(),
  seq: z.number().int().positive(),
  prevHash: hex64,
  entry: entrySchema,
  hash: hex64,
});

export const signedEpochSchema = z.object({
  statement: z.object({
    electionId: z.string(),
    epoch: z.number().int().positive(),
    firstSeq: z.number().int().positive(),
    lastSeq: z.number().int().positive(),
    root: hex64,
    previousRoot: hex64,
    sealedAt: z.string(),
    keyId: z.string(),
  }),
  signature: z.string().min(1),
});

export const publishedBallotSchema = z.object({
  receiptId: z.string().min(1),
  commitment: hex64,
  /** Opens the commitment: anyone can check that this ballot is the one the receipt committed to. */
  salt: z.string().min(1),
  // Readonly, like the engine's CanonicalBallot, so stored ballots are published as they are.
  ballot: canonicalBallotSchema,
});

const roundSchema = z.object({
  round: z.number().int(),
  tallies: z.record(z.string(), z.number().int()),
  exhausted: z.number().int(),
  eliminated: z.array(z.string()).readonly(),
  tieBreak: z.string().optional(),
});

const votesByOption = z.record(z.string(), z.number());

/** A question's count by its method (tally/counting/counting-method.ts, CountResult), as published. */
const countSchema = z.object({
  method: z.enum(methodNames),
  seats: z.number().int().positive(),
  rounds: z
    .array(
      z.object({
        round: z.number().int(),
        tallies: votesByOption,
        exhausted: z.number().optional(),
        elected: z.array(z.string()).readonly(),
        eliminated: z.array(z.string()).readonly(),
        transfers: z
          .array(z.object({ from: z.string(), to: votesByOption, exhausted: z.number() }))
          .readonly()
          .optional(),
        quota: z.number().optional(),
        keepValues: votesByOption.optional(),
      }),
    )
    .readonly(),
  winners: z.array(z.string()).readonly(),
  tieBreaks: z
    .array(
      z.object({
        round: z.number().int(),
        deciding: z.string(),
        between: z.array(z.string()).readonly(),
        chosen: z.array(z.string()).readonly(),
        rule: z.enum(tieRuleNames),
        explanation: z.string(),
      }),
    )
    .readonly(),
  abstentions: z.number(),
  pairwise: z.record(z.string(), votesByOption).optional(),
  condorcetWinner: z.string().nullable().optional(),
});

/**
 * Everything needed to check an election without trusting the deployment: the log, its sealed
 * epochs, the counted ballots (pseudonymous, each opening its commitment), the keys and the
 * published result. `election audit verify` recomputes all of it from this document alone.
 */
export const auditBundleSchema = z
  .object({
    /**
     * v4 (2026-12) may carry withdrawals and reinstatements (a counted ballot held for review after
     * all); a v3 bundle never does, and verifies as it always did. v5 (2026-12) adds each question's
     * count by its own method (`result.counts`) and the election's tie rule; its questions may name
     * a method and seats. Older bundles verify as they always did.
     */
    format: z.enum(["landslide-audit-bundle-v3", "landslide-audit-bundle-v4", "landslide-audit-bundle-v5"]),
    publishedAt: z.string(),
    election: z.object({
      id: z.string(),
      title: z.string(),
      questions: z.array(questionSchema).min(1),
      tieRule: tieRuleSchema.optional(),
      /** How each voter's ballot ordered the options (option-order.ts); the receipts carry each order. */
      optionOrder: optionOrderRuleSchema.optional(),
    }),
    keys: z.object({ audit: publicKey, receipt: publicKey }),
    records: z.array(logRecordSchema),
    epochs: z.array(signedEpochSchema),
    ballots: z.array(publishedBallotSchema),
    result: z.object({
      /** The tally counters (turnout, each option, abstentions), as in the live results. */
      counters: z.record(z.string(), z.number().int()),
      /** Per ranked question, every round. */
      instantRunoff: z.record(
        z.string(),
        z.object({
          rounds: z.array(roundSchema).readonly(),
          winner: z.string().nullable(),
          abstentions: z.number().int(),
        }),
      ),
      /** v5: every question's count by its method (rounds, winners, seats, ties), by question id. */
      counts: z.record(z.string(), countSchema).optional(),
    }),
  })
  .refine((bundle) => bundle.format !== "landslide-audit-bundle-v5" || bundle.result.counts !== undefined, {
    error: "a v5 bundle publishes every question's count (result.counts)",
    path: ["result", "counts"],
  });

export type AuditBundle = z.infer<typeof auditBundleSchema>;
export type PublishedBallot = z.infer<typeof publishedBallotSchema>;
