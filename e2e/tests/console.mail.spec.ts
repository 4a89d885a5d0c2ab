import { expect, test } from "@playwright/test";
import { e2eUrls } from "../stack-ports";
import { signInToConsole } from "./console-session";
import { seriousViolations } from "./serious-violations";
import { signedInClient } from "./voter-session";

test("an official follows a roll election's invitations on the Mail tab and sends a reminder from it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title: `Library hours ${stamp}`,
      eligibility: "voter-roll",
      questions: [
        {
          id: "hours",
          kind: "single",
          prompt: "Open the library on Sundays?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
      ],
    },
    reason: "e2e: mail tab",
  });
  const roll = [`e2e.tab.${stamp}.a@example.org`, `e2e.tab.${stamp}.b@example.org`];
  await official.control.official.voterRoll.import.mutate({
    electionId: election.id,
    rows: [{ email: roll[0]!, language: "fr" }, { email: roll[1]! }],
  });
  await official.control.official.elections.transition.mutate({ electionId: election.id, to: "open", reason: "e2e" });

  await signInToConsole(page, "official@demo.landslide.test", `/elections/${election.id}/mail`);
  await expect(page.getByRole("heading", { level: 2, name: "Mail" })).toBeVisible({ timeout: 15_000 });
  // The tab polls while mail is on its way: the two invitations show as sent without a reload.
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages.getByText(roll[0]!.split("@")[0]!)).toBeVisible({ timeout: 30_000 });
  await expect(messages.getByRole("table").getByText("Sent", { exact: true }).first()).toBeVisible({ timeout: 30_000 });

  // A reminder, now, from the form: it goes to both (neither has voted), and nobody sees to whom.
  const form = page.getByRole("form", { name: "Schedule a reminder" });
  await form.getByLabel("Why send a reminder?").fill("turnout low at noon");
  await form.getByRole("button", { name: "Send the reminder now" }).click();
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(`${e2eUrls.sesMailbox}/store`)).json()) as {
          emails: Array<{ subject: string; destination: { to: string[] } }>;
        };
        return mails.emails.filter((m) => roll.includes(m.destination.to[0]!) && /^(Rappel|Reminder)/.test(m.subject))
          .length;
      },
      { timeout: 30_000 },
    )
    .toBe(2);
  const reminders = page.getByRole("region", { name: "Reminders" });
  await expect(reminders.getByText("All 2 addresses dealt with: reminded, or had already voted.")).toBeVisible({
    timeout: 15_000,
  });
  await expect(messages.getByRole("table")).not.toContainText("Reminder");

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `tour/mail/console-mail-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await seriousViolations(page)).toEqual([]);
  }
});
