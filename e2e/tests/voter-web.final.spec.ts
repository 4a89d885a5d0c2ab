import { expect, test } from "@playwright/test";
import { signedInClient } from "./voter-session";

test("once an election closes, its results page shows the winner and every instant-runoff round", async ({ page }) => {
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: "Harbourmaster Election",
      questions: [
        {
          id: "harbourmaster",
          kind: "ranked",
          prompt: "Rank the candidates for harbourmaster",
          options: [{ id: "ines", label: "Ines Duarte" }, { id: "tomas", label: "Tomas Berg" }, { id: "wen", label: "Wen Li" }],
          minChoices: 1,
          maxChoices: 3,
        },
      ],
    },
    reason: "e2e: a ranked election to close",
  });
  await official.control.official.elections.transition.mutate({ electionId: election.id, to: "open", reason: "polls open" });
  await new Promise((resolve) => setTimeout(resolve, 1100)); // services cache definitions for a second
  for (const [voter, ranking] of [["voter1@demo.landslide.test", ["wen", "tomas"]], ["voter2@demo.landslide.test", ["wen"]], ["voter3@demo.landslide.test", ["ines", "wen"]]] as const) {
    const client = await signedInClient(voter, "voter-web");
    await client.castBallot({ electionId: election.id, ballot: { answers: { harbourmaster: { choices: [...ranking] } } } });
  }
  await official.control.official.elections.transition.mutate({ electionId: election.id, to: "closed", reason: "polls closed" });
  await new Promise((resolve) => setTimeout(resolve, 1100));

  await page.goto(`/elections/${election.id}/results`);
  await expect(page.getByRole("heading", { level: 2, name: "Final result" })).toBeVisible();
  // Two of three first preferences: Wen has a majority in the first round.
  await expect(page.getByText("Elected by instant runoff: Wen Li")).toBeVisible();
  const rounds = page.getByRole("table", { name: "Rank the candidates for harbourmaster: instant-runoff rounds" });
  await expect(rounds.getByRole("columnheader", { name: "Round 1" })).toBeVisible();
  await expect(rounds.getByRole("row", { name: /Wen Li/ }).getByRole("cell").first()).toHaveText("2");
  await expect(rounds.getByRole("row", { name: /Ines Duarte/ }).getByRole("cell").first()).toHaveText("1");
});
