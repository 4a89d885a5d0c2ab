import { z } from "zod";
import { countingProblem, questionCountingSchema } from "./counting-rules";
import { optionOrderRuleSchema } from "./option-order";
import { plainText } from "./plain-text";
import { scoreRangeSchema } from "./score-range";
import { electionDescription, electionTitle, elementId, optionLabel, questionPrompt } from "./text-fields";
import { tieRuleSchema } from "./tie-rule";
import { languageTag, translationsSchema } from "./translations";

/** The free-text check, for the other inputs that carry people's text (the api's reasons). */
export { plainText };

/**
 * What an official writes down to create an election. The full lifecycle rules
 * (transitions, ballot validation) build on these shapes.
 */
export const questionKinds = ["single", "multi", "ranked", "score"] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const optionSchema = z.object({
  id: elementId,
  label: optionLabel,
});

export const questionSchema = z
  .object({
    id: elementId,
    kind: z.enum(questionKinds),
    prompt: questionPrompt,
    options: z.array(optionSchema).min(2).max(50),
    minChoices: z.number().int().min(0).default(1),
    maxChoices: z.number().int().min(1).default(1),
    /** Its counting method and seats (counting-rules.ts); left out, its kind's single-seat default. */
    counting: questionCountingSchema.optional(),
    /** A score question's range (score-range.ts); left out, 0 to 5. Only score questions have one. */
    scoreRange: scoreRangeSchema.optional(),
  })
  .refine((q) => q.minChoices <= q.maxChoices && q.maxChoices <= q.options.length, {
    error: "minChoices <= maxChoices <= number of options",
  })
  .superRefine((q, ctx) => {
    if (q.scoreRange && q.kind !== "score")
      ctx.addIssue({ code: "custom", path: ["scoreRange"], message: "only score questions have a score range" });
    const problem = countingProblem(q);
    if (problem) ctx.addIssue({ code: "custom", path: ["counting"], message: problem });
  });

/**
 * What an election asks of the device a ballot comes from. Every voter proves a device key of their
 * own; a passkey (WebAuthn, user verification required) is one a bot farm cannot mint for free:
 * - "optional": a cast without one is judged by the risk score alone (it is one weak signal there);
 * - "review-without": a cast without one is stored held, for an official to release or void;
 * - "required": a cast without one is refused.
 */
export const passkeyPolicies = ["optional", "review-without", "required"] as const;
export type PasskeyPolicy = (typeof passkeyPolicies)[number];

export const electionStatuses = ["draft", "scheduled", "open", "paused", "closed", "certified"] as const;
export type ElectionStatus = (typeof electionStatuses)[number];

export const electionDefinitionSchema = z.object({
  id: z.uuid(),
  title: electionTitle,
  description: electionDescription.default(""),
  /**
   * The BCP 47 tag of the language the texts above are written in ("en" when left out), and the
   * same texts in other languages (translations.ts: what they hold, and checkTranslations for the
   * ids they name). Voters read the election in their language where it has one
   * (localized-election.ts); everything that counts or proves names questions and options by id.
   */
  language: languageTag.optional(),
  translations: translationsSchema.optional(),
  allowAbstain: z.boolean().default(false),
  eligibility: z.enum(["any-signed-in-voter", "voter-roll"]).default("any-signed-in-voter"),
  passkeyPolicy: z.enum(passkeyPolicies).default("optional"),
  opensAt: z.date().nullable().default(null),
  closesAt: z.date().nullable().default(null),
  questions: z
    .array(questionSchema)
    .min(1)
    .max(50)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { error: "question ids must be unique" })
    .refine((qs) => qs.every((q) => new Set(q.options.map((o) => o.id)).size === q.options.length), {
      error: "option ids must be unique within a question",
    }),
  /** How ties its methods leave open are settled (tie-rule.ts); left out, by the ballot's option order. */
  tieRule: tieRuleSchema.optional(),
  /** The order each voter's ballot lists the options in (option-order.ts); left out, as defined. */
  optionOrder: optionOrderRuleSchema.optional(),
});

export type ElectionDefinition = z.infer<typeof electionDefinitionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Option = z.infer<typeof optionSchema>;

export interface Election extends ElectionDefinition {
  readonly status: ElectionStatus;
  /**
   * When an official's pause or close of an open election takes effect: voting stops at this
   * instant on every task alike, by the clock, not when each task's cached copy catches up.
   * Null or absent when the status took effect at once (nothing could be cast before).
   */
  readonly stopsAt?: Date | null;
  /** Raised by every change in the control plane; the data plane's copy keeps only the newest. Absent on an election not yet stored. */
  readonly version?: number;
  /** When a cached copy began to be read from the control plane; castVote refuses to judge by one older than ELECTION_READ_MAX_AGE_MS. */
  readonly readAt?: Date;
}
