import { contentLanguageOf, type RouterInputs } from "@landslide/api/client";
import type { OfficialElection } from "../[id]/official-election";
import { optionIds, questionIds } from "./derived-ids";
import { slugify } from "./slug";
import { type TranslationDraft, toTranslations, translationDrafts } from "./translation-draft";

type ElectionInput = RouterInputs["official"]["elections"]["create"]["election"];
/** What this form sends: the election without its id and schedule (the schedule is set on the election's page). */
export type ElectionFields = Omit<ElectionInput, "id" | "opensAt" | "closesAt">;
export type QuestionKind = ElectionFields["questions"][number]["kind"];
export type Eligibility = NonNullable<ElectionFields["eligibility"]>;
export type PasskeyPolicy = NonNullable<ElectionFields["passkeyPolicy"]>;

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
}

export interface ElectionDraft {
  readonly title: string;
  readonly description: string;
  readonly eligibility: Eligibility;
  readonly passkeyPolicy: PasskeyPolicy;
  readonly allowAbstain: boolean;
  readonly questions: readonly QuestionDraft[];
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
  };
}

/** A new ballot, written in `language` (the console's, which is the language the official works in). */
export function emptyDraft(language: string): ElectionDraft {
  return {
    title: "",
    description: "",
    eligibility: "any-signed-in-voter",
    passkeyPolicy: "optional",
    allowAbstain: false,
    questions: [emptyQuestion()],
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
    },
  }));
  return {
    title: election.title,
    description: election.description,
    eligibility: election.eligibility,
    passkeyPolicy: election.passkeyPolicy,
    allowAbstain: election.allowAbstain,
    questions: questions.map((q) => q.draft),
    language: contentLanguageOf(election),
    translations: translationDrafts(election.translations, questions),
  };
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
      const single = question.kind === "single";
      return {
        id,
        kind: question.kind,
        prompt: question.prompt.trim(),
        options: question.options.map((option, at) => ({ id: optionIdList[at]!, label: option.label.trim() })),
        // The engine treats a single-choice question as 1/1 whatever is stored; store what it means.
        minChoices: single ? 1 : question.minChoices,
        maxChoices: single ? 1 : question.maxChoices,
      };
    }),
    language: draft.language,
    // Always sent, {} included: the form shows every translation, so one removed here is removed.
    translations: toTranslations(draft.translations, withIds),
  };
}
