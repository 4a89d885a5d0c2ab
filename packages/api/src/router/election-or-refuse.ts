import type { Election, ElectionReader } from "@landslide/vote-engine";
import { refuse } from "../errors";

export const electionNotFound = () => refuse({ code: "ELECTION_NOT_FOUND", message: "There is no such election." });

/**
 * The election, or the ELECTION_NOT_FOUND refusal. Officials read the control plane itself
 * (`services.repository()`), everyone else the second-long cache (`services.elections`).
 */
export async function electionOrRefuse(elections: ElectionReader, electionId: string): Promise<Election> {
  const election = await elections.get(electionId);
  if (!election) throw electionNotFound();
  return election;
}
