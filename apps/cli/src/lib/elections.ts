import { Errors } from "@oclif/core";
import type { RouterOutputs } from "@landslide/api/client";
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

/** "choose 1", "choose 1 to 2", "rank 1 to 3": what a question asks of a voter. */
export function choiceRule(question: {
  readonly kind: string;
  readonly minChoices: number;
  readonly maxChoices: number;
}): string {
  const verb = question.kind === "ranked" ? "rank" : "choose";
  return question.minChoices === question.maxChoices
    ? `${verb} ${question.maxChoices}`
    : `${verb} ${question.minChoices} to ${question.maxChoices}`;
}
