import { Errors } from "@oclif/core";
import type { RouterOutputs } from "@landslide/api/client";
import { type ScoreRange, scoreRangeOf } from "@landslide/vote-engine";
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
