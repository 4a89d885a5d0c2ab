import { contentLanguageOf, type RouterInputs } from "@landslide/api/client";
import type { OfficialElection } from "../[id]/official-election";
import { defaultCounting, isDefaultCounting } from "./counting-choices";
import { optionIds, questionIds } from "./derived-ids";
import { drawOrder } from "./recorded-draw";
import { DEFAULT_SCORE_RANGE } from "./score-range";
import { slugify } from "./slug";
import { type IdentifiedQuestion, type TranslationDraft, toTranslations, translationDrafts } from "./translation-draft";

type ElectionInput = RouterInputs["official"]["elections"]["create"]["election"];
/** What this form sends: the election without its id and schedule (the schedule is set on the election's page). */
export type ElectionFields = Omit<ElectionInput, "id" | "opensAt" | "closesAt">;
export type QuestionKind = ElectionFields["questions"][number]["kind"];
export type Eligibility = NonNullable<ElectionFields["eligibility"]>;
export type PasskeyPolicy = NonNullable<ElectionFields["passkeyPolicy"]>;
type QuestionFields = ElectionFields["questions"][number];
export type CountingMethod = NonNullable<QuestionFields["counting"]>["method"];
type TieRule = NonNullable<ElectionFields["tieRule"]>;
export type TieRuleName = TieRule["rule"];
export type OptionOrderRule = NonNullable<ElectionFields["optionOrder"]>;

/**
 * The form's state. Ids are not stored: they are derived from labels (see derived-ids.ts) unless
 * the official typed one (`customId`), so renaming an option renames its id until they take over.
 * `key` only tells React which row is which while ids and positions change.
 */
export interface OptionDraft {
  readonly key: string;
  readonly label: string;
  readonly customId: string | null;
}

export interface QuestionDraft {
  readonly key: string;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly customId: string | null;
  readonly options: readonly OptionDraft[];
  /** NaN while the field is empty, so that clearing it to type a new number is not fought. */
  readonly minChoices: number;
  readonly maxChoices: number;
  /** How it is counted; its kind's default (see counting-choices.ts) unless the official chose another. */
  readonly counting: CountingDraft;
  /**
   * The scores voters give each option (score questions only, see score-range.ts). Every question
   * keeps one, as the tie rule keeps its seed: going to another kind and back finds the range chosen.
   */
  readonly scoreRange: ScoreRangeDraft;
}

export interface ScoreRangeDraft {
  readonly min: number;
  readonly max: number;
}

export interface CountingDraft {
  readonly method: CountingMethod;
  /** How many options it elects; NaN while the field is empty, as the choice bounds. */
  readonly seats: number;
  /** Instant runoff only: drop together every option that can no longer win. */
  readonly batchElimination: boolean;
}

/**
 * How ties are settled. A recorded draw is kept by keys, not ids, as translations are (see
 * translation-draft.ts): ids follow the texts while the official edits them, and a draw keyed by
 * id would stop matching the ballot at the first corrected typo.
 */
export interface TieRuleDraft {
  readonly rule: TieRuleName;
  /** The lot's seed as typed, kept while another rule is chosen so that choosing the lot again finds it. */
  readonly seed: string;
  /**
   * The recorded draw as the official ordered it: question key → its option keys, first drawn
   * first. It may lag behind the questions (an option added or removed since, a question never
   * ordered): what is shown and sent is completed from them (recorded-draw.ts, drawOrder). Kept
   * while another rule is chosen, as the seed is.
   */
  readonly draws: Readonly<Record<string, readonly string[]>>;
  /**
   * Whether the stored election names a rule. An edit that leaves the rule out keeps the stored
   * one (the API merges), so going back to option order from another rule must say so.
   */
  readonly declared: boolean;
}

/**
 * The order each voter's ballot lists the options in (option-order-choices.ts). Like the tie
 * rule, it says whether the stored election names one: an edit that leaves it out keeps the
 * stored one (the API merges), so going back to "as listed" from a drawn order must say so.
 */
export interface OptionOrderDraft {
  readonly rule: OptionOrderRule;
  readonly declared: boolean;
}

export interface ElectionDraft {
  readonly title: string;
  readonly description: string;
  readonly eligibility: Eligibility;
  readonly passkeyPolicy: PasskeyPolicy;
  readonly allowAbstain: boolean;
  readonly questions: readonly QuestionDraft[];
  readonly tieRule: TieRuleDraft;
  readonly optionOrder: OptionOrderDraft;
  /** The BCP 47 tag of the language the texts above are written in. */
  readonly language: string;
  /** The same texts in other languages, in the order the official added them. */
  readonly translations: readonly TranslationDraft[];
}

let lastKey = 0;
const newKey = () => `item-${(lastKey += 1)}`;

export function emptyOption(): OptionDraft {
  return { key: newKey(), label: "", customId: null };
}

/** A single-choice question with the two options every question needs at least. */
export function emptyQuestion(): QuestionDraft {
  return {
    key: newKey(),
    kind: "single",
    prompt: "",
    customId: null,
    options: [emptyOption(), emptyOption()],
    minChoices: 1,
    maxChoices: 1,
    counting: defaultCounting("single"),
    scoreRange: DEFAULT_SCORE_RANGE,
  };
}

/** Ties go by the ballot's option order, as the API has it when an election names no rule. */
const OPTION_ORDER: TieRuleDraft = { rule: "option-order", seed: "", draws: {}, declared: false };

/** Options listed as the election defines them, as the API has it when an election names no order. */
const AS_LISTED: OptionOrderDraft = { rule: "as-listed", declared: false };

/** A new ballot, written in `language` (the console's, which is the language the official works in). */
export function emptyDraft(language: string): ElectionDraft {
  return {
    title: "",
    description: "",
    eligibility: "any-signed-in-voter",
    passkeyPolicy: "optional",
    allowAbstain: false,
    questions: [emptyQuestion()],
    tieRule: OPTION_ORDER,
    optionOrder: AS_LISTED,
    language,
    translations: [],
  };
}

/** An existing election as a draft; ids that differ from what the label would give are kept as typed ids. */
export function draftOf(election: OfficialElection): ElectionDraft {
  const questions = election.questions.map((question) => ({
    id: question.id,
    optionIds: question.options.map((option) => option.id),
    draft: {
      key: newKey(),
      kind: question.kind,
      prompt: question.prompt,
      customId: keptId(question.id, question.prompt),
      options: question.options.map((option) => ({
        key: newKey(),
        label: option.label,
        customId: keptId(option.id, option.label),
      })),
      minChoices: question.minChoices,
      maxChoices: question.maxChoices,
      counting: question.counting
        ? { ...question.counting, batchElimination: question.counting.batchElimination ?? false }
        : defaultCounting(question.kind),
      scoreRange: question.scoreRange ?? DEFAULT_SCORE_RANGE,
    },
  }));
  return {
    title: election.title,
    description: election.description,
    eligibility: election.eligibility,
    passkeyPolicy: election.passkeyPolicy,
    allowAbstain: election.allowAbstain,
    questions: questions.map((q) => q.draft),
    tieRule: tieRuleDraftOf(election.tieRule, questions),
    optionOrder: election.optionOrder ? { rule: election.optionOrder, declared: true } : AS_LISTED,
    language: contentLanguageOf(election),
    translations: translationDrafts(election.translations, questions),
  };
}

function tieRuleDraftOf(tieRule: TieRule | undefined, questions: readonly IdentifiedQuestion[]): TieRuleDraft {
  if (!tieRule) return OPTION_ORDER;
  switch (tieRule.rule) {
    case "option-order":
      return { ...OPTION_ORDER, declared: true };
    case "lot":
      return { ...OPTION_ORDER, rule: "lot", seed: tieRule.seed, declared: true };
    case "recorded-draw": {
      const draws: Record<string, string[]> = {};
      for (const { id, draft, optionIds: ids } of questions) {
        const drawn = tieRule.draws[id];
        // An id the question lacks is dropped; drawOrder puts an option the draw lacks last.
        if (drawn) draws[draft.key] = drawn.flatMap((optionId) => draft.options[ids.indexOf(optionId)]?.key ?? []);
      }
      return { ...OPTION_ORDER, rule: "recorded-draw", draws, declared: true };
    }
  }
}

/** A stored id survives editing (as a typed id) unless its text gives that same id anyway. */
function keptId(id: string, text: string): string | null {
  return slugify(text) === id ? null : id;
}

/** The draft as the API takes it; call it on a draft without problems (see validate.ts). */
export function toElectionFields(draft: ElectionDraft): ElectionFields {
  const questionIdList = questionIds(draft);
  const withIds = draft.questions.map((question, index) => ({
    id: questionIdList[index]!,
    draft: question,
    optionIds: optionIds(question),
  }));
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    eligibility: draft.eligibility,
    passkeyPolicy: draft.passkeyPolicy,
    allowAbstain: draft.allowAbstain,
    questions: withIds.map(({ id, draft: question, optionIds: optionIdList }) => {
      // The engine treats a single-choice question as 1/1 whatever is stored, and a score question
      // has no choices to bound (every option is scored): store what it means.
      const oneChoice = question.kind === "single" || question.kind === "score";
      return {
        id,
        kind: question.kind,
        prompt: question.prompt.trim(),
        options: question.options.map((option, at) => ({ id: optionIdList[at]!, label: option.label.trim() })),
        minChoices: oneChoice ? 1 : question.minChoices,
        maxChoices: oneChoice ? 1 : question.maxChoices,
        // Left out when it is the kind's default, so that an election nobody changed here is sent as it came.
        ...(isDefaultCounting(question) ? {} : { counting: toCounting(question.counting) }),
        // Only a score question may have a range (the API refuses it on any other). Sent even when
        // it is the default: the range voters score in is then written in the election itself.
        ...(question.kind === "score" ? { scoreRange: { ...question.scoreRange } } : {}),
      };
    }),
    ...toTieRule(draft.tieRule, withIds),
    ...toOptionOrder(draft.optionOrder),
    language: draft.language,
    // Always sent, {} included: the form shows every translation, so one removed here is removed.
    translations: toTranslations(draft.translations, withIds),
  };
}

function toCounting({ method, seats, batchElimination }: CountingDraft): NonNullable<QuestionFields["counting"]> {
  // The API refuses batch elimination, even false, with any other method.
  return method === "instant-runoff" && batchElimination ? { method, seats, batchElimination } : { method, seats };
}

/**
 * The order as the API takes it: a drawn order always; "as-listed" only when the stored election
 * named an order (an edit without one keeps it), so that an election nobody reordered here is
 * sent as it came.
 */
function toOptionOrder({ rule, declared }: OptionOrderDraft): { optionOrder?: OptionOrderRule } {
  return rule === "as-listed" && !declared ? {} : { optionOrder: rule };
}

/**
 * The rule as the API takes it; option order is left out unless the stored election named a rule
 * (an edit without one keeps it). A recorded draw is keyed by the ids the questions are sent with
 * (`questions`, derived from their texts now), and lists the options' ids sent with them.
 */
function toTieRule(
  { rule, seed, draws, declared }: TieRuleDraft,
  questions: readonly IdentifiedQuestion[],
): { tieRule?: TieRule } {
  switch (rule) {
    case "option-order":
      return declared ? { tieRule: { rule } } : {};
    case "lot":
      return { tieRule: { rule, seed: seed.trim() } };
    case "recorded-draw":
      // Every question under the id it is sent with, each listing all its options as they are now.
      return {
        tieRule: {
          rule,
          draws: Object.fromEntries(
            questions.map(({ id, draft, optionIds: ids }) => [
              id,
              drawOrder(draft, draws).map((drawn) => ids[draft.options.indexOf(drawn)]!),
            ]),
          ),
        },
      };
  }
}
