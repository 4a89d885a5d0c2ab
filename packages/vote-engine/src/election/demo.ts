import type { Clock } from "../ports";
import type { Election } from "./definition";

/** A stable id, so provisioning can tell that the demo election already exists. */
export const DEMO_ELECTION_ID = "00000000-0000-4000-8000-00000000de30";

/** The election a new user finds open after `npm run dev`: one question of each kind. */
export function demoElection(clock: Clock): Election {
  const now = clock.now();
  return {
    id: DEMO_ELECTION_ID,
    title: "Landslide Demo Election",
    description: "A demonstration election with one question of each kind. Nothing here is binding.",
    status: "open",
    allowAbstain: true,
    eligibility: "any-signed-in-voter",
    // Open to every device, so the CLI and the load test can vote in it too.
    passkeyPolicy: "optional",
    opensAt: now,
    closesAt: new Date(now.getTime() + 30 * 24 * 3600 * 1000),
    questions: [
      {
        id: "mascot",
        kind: "single",
        prompt: "Which animal should be the city's mascot?",
        minChoices: 1,
        maxChoices: 1,
        options: [
          { id: "heron", label: "Heron" },
          { id: "otter", label: "Otter" },
          { id: "fox", label: "Fox" },
        ],
      },
      {
        id: "parks",
        kind: "multi",
        prompt: "Which parks should get new playgrounds? Choose one to three.",
        minChoices: 1,
        maxChoices: 3,
        options: [
          { id: "riverside", label: "Riverside Park" },
          { id: "hilltop", label: "Hilltop Gardens" },
          { id: "harbour", label: "Harbour Green" },
          { id: "oakwood", label: "Oakwood Common" },
        ],
      },
      {
        id: "council-chair",
        kind: "ranked",
        prompt: "Rank the candidates for council chair in order of preference.",
        minChoices: 1,
        maxChoices: 4,
        options: [
          { id: "ada", label: "Ada Okafor" },
          { id: "bruno", label: "Bruno Lindqvist" },
          { id: "chen", label: "Chen Wei" },
          { id: "dolores", label: "Dolores Ruiz" },
        ],
      },
    ],
  };
}
