import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSesMailbox, type StoredEmail } from "@landslide/local-stack";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, type LandslideClient } from "../src/client/index";
import { type Deployment, startDeployment } from "../src/testing/index";
import { raw } from "./attacks/support";
import { signedInDemo } from "./demo-accounts";
import { waitFor } from "./wait-for";

/**
 * Mail to voters, through the four services as their own processes and a real SES-compatible
 * server (aws-ses-v2-local): invitations when a roll's election opens, in each voter's language;
 * a receipt a voter asks for; reminders that reach only those who have not voted; unsubscribe
 * links that stop all further mail; and the ways someone might abuse them.
 */
let stack: TestStack;
let deployment: Deployment;
const clients = new Map<string, LandslideClient>();

const VOTER_1 = "voter1@demo.landslide.test";
const VOTER_2 = "voter2@demo.landslide.test";
const NO_ACCOUNT = "not-signed-up@example.org";

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack);
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

async function signedIn(email: string, app: "voter-web" | "console" = "voter-web"): Promise<LandslideClient> {
  const known = clients.get(email) ?? (await signedInDemo(stack, deployment, email, app));
  clients.set(email, known);
  return known;
}
const official = () => signedIn("official@demo.landslide.test", "console");

const ballot = { answers: { q: { choices: ["yes"] } } };

async function openRollElection(title: string, rows: Array<Record<string, string>>) {
  const control = (await official()).control;
  const election = await control.official.elections.create.mutate({
    election: {
      title,
      eligibility: "voter-roll",
      questions: [
        {
          id: "q",
          kind: "single",
          prompt: "Build the pier?",
          options: [
            { id: "yes", label: "Yes, build it" },
            { id: "no", label: "No" },
          ],
        },
      ],
    },
    reason: "mail test",
  });
  await control.official.voterRoll.import.mutate({ electionId: election.id, rows });
  await control.official.elections.transition.mutate({ electionId: election.id, to: "open", reason: "polls open" });
  return election.id;
}

const mailbox = () => readSesMailbox(deployment.sesEndpoint);
const mailTo = (emails: readonly StoredEmail[], address: string, subject: RegExp) =>
  emails.filter((e) => e.destination.to.includes(address) && subject.test(e.subject));
const headerOf = (email: StoredEmail, name: string) =>
  (email as StoredEmail & { headers?: Array<{ name: string; value: string }> }).headers?.find(
    (h) => h.name.toLowerCase() === name.toLowerCase(),
  )?.value;
const unsubscribeToken = (email: StoredEmail) => {
  const match = /unsubscribe\?token=([A-Za-z0-9_.%-]+)/.exec(email.body.text ?? "");
  if (!match) throw new Error("no unsubscribe link in the message");
  return decodeURIComponent(match[1]!);
};

describe("mail to a roll's voters", () => {
  let electionId = "";
  beforeAll(async () => {
    electionId = await openRollElection("Harbour <b>referendum</b>", [
      { email: VOTER_1, language: "ar" },
      { email: VOTER_2, language: "es" },
      { email: NO_ACCOUNT },
    ]);
  }, 60_000);

  it("invites everyone on the roll once the election opens, each in the language the roll names", async () => {
    const invitations = await waitFor(async () => {
      const all = (await mailbox()).filter((e) => e.subject.includes("Harbour"));
      return all.length >= 3 ? all : undefined;
    }, 30_000);
    expect(invitations).toHaveLength(3);
    const [arabic] = mailTo(invitations, VOTER_1, /^أنت مدعو للتصويت/);
    const [spanish] = mailTo(invitations, VOTER_2, /^Está invitado a votar/);
    const [english] = mailTo(invitations, NO_ACCOUNT, /^You are invited to vote/);
    expect(arabic && spanish && english).toBeTruthy();
    // Arabic is laid out right to left, and its link opens the Arabic voter site.
    expect(arabic!.body.html).toContain('dir="rtl"');
    expect(arabic!.body.text).toContain(`/ar/elections/${electionId}`);
    expect(english!.body.text).toMatch(new RegExp(`localhost:\\d+/en/elections/${electionId}`));
    // The official's title is text, never markup, in someone's mailbox.
    expect(english!.body.html).toContain("Harbour &lt;b&gt;referendum&lt;/b&gt;");
    expect(english!.body.html).not.toContain("<b>referendum</b>");
    // RFC 8058: mail programs offer one-click unsubscribe, to the control API.
    expect(headerOf(english!, "List-Unsubscribe")).toMatch(
      new RegExp(`^<${deployment.urls.controlApi}/mail/unsubscribe\\?token=`),
    );
    expect(headerOf(english!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    const summary = await (await official()).control.official.notifications.summary.query({ electionId });
    expect(summary.kinds.invitation.sent).toBe(3);
    expect(summary.campaigns).toEqual([expect.objectContaining({ kind: "invitation", recipients: 3 })]);
  });

  it("sends a voter their receipt when they ask, without the ballot's content, once per vote", async () => {
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));
    const voter = await signedIn(VOTER_1);
    const cast = await voter.castBallot({ electionId, ballot });
    expect(await voter.control.mail.emailReceipt.mutate({ electionId, language: "ar" })).toEqual({
      to: "v•••@demo.landslide.test",
    });
    const [receiptMail] = await waitFor(async () => {
      const found = mailTo(await mailbox(), VOTER_1, /^إيصالك/);
      return found.length > 0 ? found : undefined;
    });
    expect(receiptMail!.body.text).toContain(cast.receipt.receiptId);
    expect(receiptMail!.body.text).toContain(cast.receipt.commitment);
    // Not how they voted, nor the salt that would open the commitment.
    for (const secret of ["Yes, build it", '"yes"', cast.salt]) expect(receiptMail!.body.text).not.toContain(secret);

    // Asked again: no second message.
    await voter.control.mail.emailReceipt.mutate({ electionId, language: "en" });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(mailTo(await mailbox(), VOTER_1, /receipt|إيصالك/i)).toHaveLength(1);
  });

  it("reminds only those who have not voted, and keeps no record of who that was", async () => {
    const control = (await official()).control;
    const before = await mailbox();
    await control.official.notifications.scheduleReminder.mutate({ electionId, sendAt: new Date().toISOString() });
    const reminders = await waitFor(async () => {
      const summary = await control.official.notifications.summary.query({ electionId });
      const reminder = summary.reminders[0];
      return reminder?.status === "queued" && reminder.pending === 0 ? summary : undefined;
    }, 30_000);
    expect(reminders.reminders[0]).toMatchObject({ recipients: 3, settled: 3, pending: 0 });
    const sent = (await mailbox()).slice(before.length);
    expect(sent.map((e) => e.destination.to[0]).sort()).toEqual([NO_ACCOUNT, VOTER_2].sort());
    expect(mailTo(sent, VOTER_2, /^Recordatorio/)).toHaveLength(1);
    // Reminders are counted, never listed: the list holds invitations and receipts only.
    const listed = await control.official.notifications.list.query({ electionId, limit: 200 });
    expect(listed.items.map((m) => m.kind).sort()).toEqual(["invitation", "invitation", "invitation", "receipt"]);
    // Page by page, as the console's infinite query asks (cursor and direction), the same list.
    const first = await control.official.notifications.list.query({
      electionId,
      limit: 3,
      cursor: null,
      direction: "forward",
    });
    expect(first.nextCursor).not.toBeNull();
    const rest = await control.official.notifications.list.query({
      electionId,
      limit: 3,
      cursor: first.nextCursor,
      direction: "forward",
    });
    expect(rest.nextCursor).toBeNull();
    expect([...first.items, ...rest.items].map((m) => m.id)).toEqual(listed.items.map((m) => m.id));
    expect(JSON.stringify(reminders)).not.toContain(VOTER_2);
  });

  it("stops every further message to an address that follows its unsubscribe link", async () => {
    const control = (await official()).control;
    const invitation = mailTo(await mailbox(), VOTER_2, /^Está invitado/)[0]!;
    const anonymous = createLandslideClient({
      urls: deployment.urls,
      cognito: { region: stack.target.region, endpoint: stack.target.cognitoEndpoint, clientId: "unused" },
    });
    expect(await anonymous.control.mail.unsubscribe.mutate({ token: unsubscribeToken(invitation) })).toEqual({
      to: "v•••@demo.landslide.test",
    });
    const before = await mailbox();
    await control.official.notifications.scheduleReminder.mutate({ electionId, sendAt: new Date().toISOString() });
    await waitFor(async () => {
      const summary = await control.official.notifications.summary.query({ electionId });
      return summary.reminders.every((r) => r.status === "queued" && r.pending === 0) ? true : undefined;
    }, 30_000);
    const sent = (await mailbox()).slice(before.length);
    expect(sent.map((e) => e.destination.to[0])).toEqual([NO_ACCOUNT]);
  });
});

describe("attacks on the mail surfaces", () => {
  let electionId = "";
  let token = "";
  beforeAll(async () => {
    electionId = await openRollElection("Library hours", [{ email: VOTER_1 }]);
    const invitation = await waitFor(async () => mailTo(await mailbox(), VOTER_1, /Library hours/)[0], 30_000);
    token = unsubscribeToken(invitation);
  }, 60_000);

  const reasonOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return "accepted";
    } catch (error) {
      return (error as { data?: { reason?: string } }).data?.reason ?? String(error);
    }
  };

  it("refuses an unsubscribe token made for another address, cut short or invented", async () => {
    const anonymous = createLandslideClient({
      urls: deployment.urls,
      cognito: { region: stack.target.region, endpoint: stack.target.cognitoEndpoint, clientId: "unused" },
    });
    const [, mac] = token.split(".");
    const forged = `${Buffer.from("someone.else@example.org").toString("base64url")}.${mac}`;
    for (const bad of [forged, token.slice(0, -4), "x.y", "nothing", `${token}.extra`])
      expect(await reasonOf(anonymous.control.mail.unsubscribe.mutate({ token: bad }))).toBe(
        "UNSUBSCRIBE_LINK_INVALID",
      );
  });

  it("one-click unsubscribe changes nothing on GET (link scanners) and refuses a forged token on POST", async () => {
    const url = `${deployment.urls.controlApi}/mail/unsubscribe?token=${encodeURIComponent(token)}`;
    expect((await raw(url)).status).toBe(405);
    const forged = `${deployment.urls.controlApi}/mail/unsubscribe?token=${encodeURIComponent(`${token.split(".")[0]}.AAAA`)}`;
    expect((await raw(forged, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(400);
    // Still subscribed: a receipt can be asked for.
    const voter = await signedIn(VOTER_1);
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));
    await voter.castBallot({ electionId, ballot });
    expect(await reasonOf(voter.control.mail.emailReceipt.mutate({ electionId, language: "en" }))).toBe("accepted");
    // The real one-click POST stops mail: the next receipt request is refused as suppressed.
    expect((await raw(url, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(200);
    expect(await reasonOf(voter.control.mail.emailReceipt.mutate({ electionId, language: "en" }))).toBe(
      "MAIL_SUPPRESSED",
    );
  });

  it("sends a receipt only for the caller's own vote", async () => {
    const voter2 = await signedIn(VOTER_2);
    expect(await reasonOf(voter2.control.mail.emailReceipt.mutate({ electionId, language: "en" }))).toBe("NO_VOTE");
  });

  it("keeps the officials' mail views and reminders from voters, and reminders to roll elections", async () => {
    const voter = await signedIn(VOTER_2);
    expect(await reasonOf(voter.control.official.notifications.summary.query({ electionId }))).toBe("ROLE_REQUIRED");
    expect(
      await reasonOf(
        voter.control.official.notifications.scheduleReminder.mutate({ electionId, sendAt: new Date().toISOString() }),
      ),
    ).toBe("ROLE_REQUIRED");
    const control = (await official()).control;
    const open = await control.official.elections.create.mutate({
      election: {
        title: "Open to all",
        questions: [
          {
            id: "q",
            kind: "single",
            prompt: "?",
            options: [
              { id: "a", label: "A" },
              { id: "b", label: "B" },
            ],
          },
        ],
      },
      reason: "mail test",
    });
    expect(
      await reasonOf(
        control.official.notifications.scheduleReminder.mutate({
          electionId: open.id,
          sendAt: new Date().toISOString(),
        }),
      ),
    ).toBe("NOT_A_ROLL_ELECTION");
  });
});
