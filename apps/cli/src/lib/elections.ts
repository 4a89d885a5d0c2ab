import { Errors } from "@oclif/core";
import type { RouterOutputs } from "@landslide/api/client";
import { type OptionOrderRule, type ScoreRange, scoreRangeOf } from "@landslide/vote-engine";
import { EXIT } from "./public-client";
import type { SignedInClient } from "./signed-in-client";

/** An election as officials see it: drafts included, with its status as voters see it now and its turnout. */
export type OfficialElection = RouterOutputs["official"]["elections"]["list"][number];

/** One election from the officials' list (the control API has no single read); unknown is a refusal, exit 3. */
export async function electionById(client: SignedInClient, electionId: string): Promise<OfficialElection> {
  const elections = await client.control("Reading the election", (api) => api.official.elections.list.query());
  const election = elections.find((e) => e.id === electionId);
  if (!election)
    throw new Errors.CLIError(
      "There is no such election (ELECTION_NOT_FOUND). List the elections with 'election elections list'.",
      { exit: EXIT.refused },
    );
  return election;
}

/** A drawn order of the options, with the word a ballot file uses for it. */
const optionOrderWordsByRule: Record<Exclude<OptionOrderRule, "as-listed">, string> = {
  rotated: "rotated: each voter's ballot starts at an option drawn for them and wraps around",
  shuffled: "shuffled: each voter's ballot lists the options in a random order of their own",
};

/**
 * The order each ballot lists the options in, in words; undefined when every ballot lists them as
 * the election does (the default, said by nothing). A rule newer than this CLI shows as its word.
 */
export function optionOrderWords(rule: OptionOrderRule | undefined): string | undefined {
  if (rule === undefined || rule === "as-listed") return undefined;
  return (optionOrderWordsByRule as Partial<Record<string, string>>)[rule] ?? rule;
}

/** "choose 1", "choose 1 to 2", "rank 1 to 3", "score each option 0 to 5": what a question asks of a voter. */
export function choiceRule(question: {
  readonly kind: string;
  readonly minChoices: number;
  readonly maxChoices: number;
  readonly scoreRange?: ScoreRange | undefined;
}): string {
  // A score question's choice counts are left at 1 and mean nothing: its range is the rule.
  if (question.kind === "score") {
    const { min, max } = scoreRangeOf(question);
    return `score each option ${min} to ${max}`;
  }
  const verb = question.kind === "ranked" ? "rank" : "choose";
  return question.minChoices === question.maxChoices
    ? `${verb} ${question.maxChoices}`
    : `${verb} ${question.minChoices} to ${question.maxChoices}`;
}
