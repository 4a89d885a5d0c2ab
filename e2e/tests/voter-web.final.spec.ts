import { expect, test } from "@playwright/test";
import { electionCli } from "./election-cli";
import { signedInClient } from "./voter-session";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";

test("once an election closes, its results page shows the winner and every instant-runoff round, and its audit bundle verifies with the CLI", async ({
  page,
}) => {
  // Two waits for every task's copy of the election, three casts and a CLI run: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: "Harbourmaster Election",
      questions: [
        {
          id: "harbourmaster",
          kind: "ranked",
          prompt: "Rank the candidates for harbourmaster",
          options: [
            { id: "ines", label: "Ines Duarte" },
            { id: "tomas", label: "Tomas Berg" },
            { id: "wen", label: "Wen Li" },
          ],
          minChoices: 1,
          maxChoices: 3,
        },
      ],
    },
    reason: "e2e: a ranked election to close",
  });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task's copy of the election shows the open by then
  const receipts: string[] = [];
  for (const [voter, ranking] of [
    ["voter1@demo.landslide.test", ["wen", "tomas"]],
    ["voter2@demo.landslide.test", ["wen"]],
    ["voter3@demo.landslide.test", ["ines", "wen"]],
  ] as const) {
    const client = await signedInClient(voter, "voter-web");
    const cast = await client.castBallot({
      electionId: election.id,
      ballot: { answers: { harbourmaster: { choices: [...ranking] } } },
    });
    receipts.push(cast.receipt.receiptId);
  }
  const closed = await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "closed",
    reason: "polls closed",
  });
  // In effect at effectiveAt, and in every task's copy of the election soon after.
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
  );

  await page.goto(`/elections/${election.id}/results`);
  await expect(page.getByRole("heading", { level: 2, name: "Final result" })).toBeVisible();
  // Two of three first preferences: Wen has a majority in the first round.
  await expect(page.getByText("Elected by instant runoff: Wen Li")).toBeVisible();
  const rounds = page.getByRole("table", { name: "Rank the candidates for harbourmaster: instant-runoff rounds" });
  await expect(rounds.getByRole("columnheader", { name: "Round 1" })).toBeVisible();
  await expect(
    rounds
      .getByRole("row", { name: /Wen Li/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("2");
  await expect(
    rounds
      .getByRole("row", { name: /Ines Duarte/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");

  // Anyone can recompute it: the bundle downloads from the page and the operator CLI verifies it alone.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "download the audit bundle" }).click();
  const bundleFile = await (await download).path();
  const verified = await electionCli(["audit", "verify", election.id, "--bundle", bundleFile, "--json"]);
  expect(verified.code).toBe(0);
  expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, checked: { ballots: 3 }, discrepancies: [] });
  // And a receipt taken while voting is proven included by the CLI, against the signed epoch.
  const proof = await electionCli(["audit", "prove", receipts[0]!, "--json"]);
  expect(proof.code).toBe(0);
  expect(JSON.parse(proof.stdout)).toMatchObject({ standing: { status: "included" }, verified: true });
});
