import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { closeElection, electionWithBallots } from "./results-election";
import { e2eUrls } from "../stack-ports";

/** A page of another origin (localhost on a port of its own, not the site's 127.0.0.1) that frames `src`. */
async function framingSite(src: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><title>A newspaper</title><h1>Our coverage</h1><iframe title="Election results" src="${src}" width="600" height="700"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

const questions = [
  {
    id: "mascot",
    kind: "single",
    prompt: "Which animal should be the mascot?",
    options: [
      { id: "otter", label: "Otter" },
      { id: "heron", label: "Heron" },
    ],
  },
  {
    id: "colour",
    kind: "single",
    prompt: "Which colour for the buses?",
    options: [
      { id: "red", label: "Red" },
      { id: "blue", label: "Blue" },
      { id: "green", label: "Green" },
    ],
  },
] as const;

test("the results page shows each option's share, the leader and a tie in words, then the winner once closed; the widget shows in another site's frame, other pages do not", async ({
  page,
}) => {
  // Three casts, a close and the waits for every task's copy of the election: more than 30 s on a busy machine.
  test.setTimeout(120_000);
  const { id, official } = await electionWithBallots("Results Read At A Glance", questions, [
    { mascot: ["otter"], colour: ["red"] },
    { mascot: ["otter"], colour: ["blue"] },
    { mascot: ["heron"], colour: ["green"] },
  ]);

  await page.goto(`/elections/${id}/results`);
  await expect(page.getByRole("heading", { level: 1, name: "Live results" })).toBeVisible();
  await expect(page.getByTestId("turnout")).toHaveText("3", { timeout: 20_000 });
  const mascot = page.getByRole("table", { name: "Which animal should be the mascot?: votes per option" });
  await expect(mascot.getByRole("row", { name: /Otter/ }).getByRole("cell")).toHaveText(["2", "66.7%"]);
  await expect(mascot.getByRole("row", { name: /Heron/ }).getByRole("cell")).toHaveText(["1", "33.3%"]);
  await expect(mascot.getByRole("row", { name: /Otter/ })).toContainText("Leading");
  await expect(page.getByText("Leading: Otter, 2 votes (66.7%).")).toBeVisible();
  await expect(page.getByText("Tied for the lead: Red, Blue, and Green, 1 vote each (33.3%).")).toBeVisible();

  // The widget, in a frame on a page of another origin: its figures show there, and move live.
  const embedded = await framingSite(`${e2eUrls.voterWeb}/embed/elections/${id}`);
  const refused = await framingSite(`${e2eUrls.voterWeb}/elections/${id}/results`);
  try {
    await page.goto(embedded.url);
    const widget = page.frameLocator('iframe[title="Election results"]');
    await expect(widget.getByRole("heading", { level: 1, name: "Results Read At A Glance" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(widget.getByText("Leading: Otter, 2 votes (66.7%).")).toBeVisible();
    await expect(widget.getByText("Live", { exact: true })).toBeVisible({ timeout: 20_000 });

    // Any page outside /embed/ refuses the frame (frame-ancestors 'none'): the browser shows nothing of it.
    const blocked = page.waitForEvent("console", (message) => /frame-ancestors 'none'/.test(message.text()));
    await page.goto(refused.url);
    await blocked;
    await expect(page.getByRole("heading", { name: "Our coverage" })).toBeVisible();
    await expect(page.frameLocator('iframe[title="Election results"]').getByText("Live results")).toHaveCount(0);
  } finally {
    embedded.server.close();
    refused.server.close();
  }

  // Once voting has ended: the final count names the winner, and a tie stays a tie.
  await closeElection(official, id);
  await page.goto(`/elections/${id}/results`);
  await expect(page.getByRole("heading", { level: 2, name: "Final result" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Winner: Otter, 2 votes (66.7%).")).toBeVisible();
  await expect(
    page.getByText("Tie: Red, Blue, and Green have 1 vote each (33.3%); no single option has the most votes."),
  ).toBeVisible();
  const final = page.getByRole("table", { name: "Which animal should be the mascot?: final votes per option" });
  await expect(final.getByRole("row", { name: /Otter/ })).toContainText("Winner");
});
