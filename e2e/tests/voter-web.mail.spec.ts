import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { waitForConfirmationCode } from "@landslide/local-stack";
import { e2eUrls } from "../stack-ports";
import { seriousViolations } from "./serious-violations";
import { e2eDataDir, personsUserAgent, signedInClient } from "./voter-session";

test.use({ userAgent: personsUserAgent });

/** The Arabic voter site's words, as a voter reads them (the test finds controls by them). */
const ar = JSON.parse(readFileSync(new URL("../../apps/voter-web/messages/ar.json", import.meta.url), "utf8")) as {
  ui: Record<string, string>;
  vote: Record<string, string>;
  review: Record<string, string>;
  receipt: Record<string, string>;
  unsubscribe: Record<string, string>;
};

interface Mail {
  readonly messageId: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

/** Everything the e2e stack's local SES server was sent (its mailbox, as JSON). */
async function mailbox(): Promise<Mail[]> {
  const response = await fetch(`${e2eUrls.sesMailbox}/store`);
  return ((await response.json()) as { emails: Mail[] }).emails;
}
const to = (mails: readonly Mail[], address: string) => mails.filter((m) => m.destination.to.includes(address));
const linkIn = (mail: Mail, pattern: RegExp) => {
  const match = pattern.exec(mail.body.text ?? "");
  if (!match) throw new Error(`no link like ${pattern} in “${mail.subject}”`);
  return match[0];
};

test("an official opens a roll election; the invitations arrive; a voter follows hers, votes in Arabic and gets her receipt by mail; a reminder reaches only who has not voted; unsubscribing stops the mail", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const voter = `e2e.mail.${stamp}@example.org`;
  const neighbour = `e2e.mail.neighbour.${stamp}@example.org`;
  const title = `Harbour referendum ${stamp}`;

  // The official, as the console or the CLI would: a roll of two, one writing in Arabic, then open.
  const official = await signedInClient("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({
    election: {
      title,
      eligibility: "voter-roll",
      questions: [
        {
          id: "pier",
          kind: "single",
          prompt: "Build the new pier?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
      ],
    },
    reason: "e2e: mail",
  });
  await official.control.official.voterRoll.import.mutate({
    electionId: election.id,
    rows: [{ email: voter, language: "ar" }, { email: neighbour }],
  });
  await official.control.official.elections.transition.mutate({ electionId: election.id, to: "open", reason: "e2e" });

  // Each invitation arrives, in its reader's language.
  const invitations = await expect
    .poll(async () => (await mailbox()).filter((m) => m.body.text?.includes(election.id)), { timeout: 30_000 })
    .toHaveLength(2)
    .then(async () => (await mailbox()).filter((m) => m.body.text?.includes(election.id)));
  const [arabic] = to(invitations, voter);
  const [english] = to(invitations, neighbour);
  expect(arabic!.subject).toBe(`أنت مدعو للتصويت: ${title}`);
  expect(english!.subject).toBe(`You are invited to vote: ${title}`);

  // She follows her invitation's link: the ballot, in Arabic, right to left.
  await page.goto(
    linkIn(arabic!, new RegExp(`http://\\S+/ar/elections/${election.id}`)).replace("localhost", "127.0.0.1"),
  );
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // She signs up with the invited address, in Arabic.
  await page.getByRole("button", { name: ar.ui.createAccount! }).click();
  await page.getByLabel(ar.ui.signInEmail!).fill(voter);
  await page.getByLabel(ar.ui.signInPassword!).fill("E2e-Voter-Passw0rd");
  await page.getByRole("button", { name: ar.ui.signUpSubmit! }).click();
  await page.getByLabel(ar.ui.signInCode!).fill(await waitForConfirmationCode(`${e2eDataDir}/data/cognito`, voter));
  await page.getByRole("button", { name: ar.ui.confirmSubmit! }).click();

  const ballot = page.getByRole("form", { name: ar.vote.ballotLabel! });
  await expect(ballot).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await ballot.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: ar.vote.reviewBallot! }).click();
  await page.getByRole("button", { name: ar.review.cast! }).click();
  await expect(page.getByRole("heading", { name: ar.receipt.heading! })).toBeVisible({ timeout: 30_000 });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: `tour/mail/voter-web-receipt-ar-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  // She asks for her receipt by mail; the page says where it went.
  await page.getByRole("button", { name: ar.receipt.email! }).click();
  await expect(page.getByRole("status").filter({ hasText: "e•••@example.org" })).toBeVisible();
  const receiptMail = await expect
    .poll(async () => to(await mailbox(), voter).filter((m) => m.subject.startsWith("إيصالك")), { timeout: 30_000 })
    .toHaveLength(1)
    .then(async () => to(await mailbox(), voter).find((m) => m.subject.startsWith("إيصالك"))!);
  const receiptNumber = (await page.getByTestId("receipt-number").textContent())!.trim();
  expect(receiptMail.body.text).toContain(receiptNumber);
  // The receipt, never the ballot: no answer, no salt.
  expect(receiptMail.body.text).not.toMatch(/"yes"|"salt"|pier/);

  // A reminder: only the neighbour, who has not voted, gets one.
  const remind = async () => {
    const before = (await mailbox()).length;
    await official.control.official.notifications.scheduleReminder.mutate({
      electionId: election.id,
      sendAt: new Date().toISOString(),
    });
    await expect
      .poll(
        async () => {
          const { reminders } = await official.control.official.notifications.summary.query({
            electionId: election.id,
          });
          return reminders.every((r) => r.status === "queued" && r.pending === 0);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    return (await mailbox()).slice(before).filter((m) => m.body.text?.includes(election.id));
  };
  const firstReminders = await remind();
  expect(firstReminders.map((m) => m.destination.to[0])).toEqual([neighbour]);
  expect(firstReminders[0]!.subject).toBe(`Reminder: vote in ${title}`);

  // The neighbour follows the unsubscribe link in the invitation and confirms.
  await page.goto(linkIn(english!, /http:\/\/\S+\/unsubscribe\?token=\S+/).replace("localhost", "127.0.0.1"));
  await page.getByRole("button", { name: "Stop e-mails from Landslide" }).click();
  await expect(page.getByRole("status")).toContainText(
    "You will get no more e-mails from Landslide at e•••@example.org",
  );
  expect(await seriousViolations(page)).toEqual([]);

  // The next reminder reaches nobody: she has voted, he has unsubscribed.
  expect(await remind()).toEqual([]);
});
