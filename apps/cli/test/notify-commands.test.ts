import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSesMailbox } from "@landslide/local-stack";
import type { MailMessage, MailSummary } from "../src/lib/notifications";
import { type CliDeployment, json, oneLine, startCliDeployment } from "./cli-deployment";

/**
 * `election notify` end to end: the real binary against a real deployment (the four services
 * and the deployment's own local SES server). A roll election with two addresses, one of them
 * written to in Arabic, is opened; its invitations go out; a reminder is scheduled, seen, and
 * cancelled; the messages are listed, reminders never among them.
 */

const OFFICIAL = "official@demo.landslide.test";
const ARABIC = "salma@example.org";
const ENGLISH = "tom@example.org";
const UNKNOWN_REMINDER = "00000000-0000-4000-8000-000000000000";

let cli: CliDeployment;
let electionId: string;

const election = (args: readonly string[]) => cli.election(args);
const file = (name: string, content: string) => {
  const path = join(cli.scratch, name);
  writeFileSync(path, content);
  return path;
};

/** Invitations are queued and sent by the control API's mail worker: a few seconds after the opening. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function status(): Promise<MailSummary & { title: string }> {
  const result = await election(["notify", "status", electionId, "--json"]);
  expect(result.code, result.stderr).toBe(0);
  return json(result);
}

beforeAll(async () => {
  cli = await startCliDeployment("notify-cli");
  const login = await cli.electionWithStdin(
    ["login", "--email", OFFICIAL, "--password-stdin"],
    `${cli.password(OFFICIAL)}\n`,
  );
  expect(login.code, login.stderr).toBe(0);

  const ballot = {
    title: "Harbour Mail Referendum",
    eligibility: "voter-roll",
    questions: [
      {
        id: "pier",
        kind: "single",
        prompt: "Build the pier?",
        options: [
          { id: "yes", label: "Yes" },
          { id: "no", label: "No" },
        ],
      },
    ],
  };
  const created = await election([
    "elections",
    "create",
    "--file",
    file("ballot.json", JSON.stringify(ballot)),
    "--reason",
    "mail test",
    "--json",
  ]);
  expect(created.code, created.stderr).toBe(0);
  electionId = json<{ id: string }>(created).id;
  const imported = await election([
    "voters",
    "import",
    electionId,
    "--file",
    file("roll.csv", `email,language\n${ARABIC},ar\n${ENGLISH},\n`),
    "--json",
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  expect(json(imported)).toMatchObject({ rows: 2, imported: 2, errors: [] });
}, 180_000);
afterAll(async () => {
  await cli?.stop();
});

describe("election notify status", () => {
  it("says the invitations wait for the opening, then counts them sent once voting opens", async () => {
    const before = await election(["notify", "status", electionId]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain("Mail of Harbour Mail Referendum");
    expect(before.stdout).toMatch(/invitations +not yet: they go out when voting opens/);
    expect(before.stdout).toContain("No messages yet.");

    const opened = await election(["elections", "open", electionId, "--reason", "polls open"]);
    expect(opened.code, opened.stderr).toBe(0);
    const sent = await eventually(status, (s) => s.kinds.invitation.sent + s.kinds.invitation.delivered === 2);
    expect(sent).toMatchObject({ electionId, rollBased: true, title: "Harbour Mail Referendum" });
    expect(sent.campaigns).toEqual([expect.objectContaining({ kind: "invitation", recipients: 2 })]);

    // Each in the language the roll names: the Arabic voter's invitation is in Arabic.
    const mailbox = await readSesMailbox(cli.deployment.sesEndpoint);
    const subjects = (to: string) => mailbox.filter((m) => m.destination.to.includes(to)).map((m) => m.subject);
    expect(subjects(ARABIC)).toEqual([expect.stringMatching(/^أنت مدعو للتصويت/)]);
    expect(subjects(ENGLISH)).toEqual([expect.stringMatching(/^You are invited to vote/)]);

    const table = await election(["notify", "status", electionId]);
    expect(table.stdout).toMatch(/invitations +queued for 2 addresses at \d{4}-\d\d-\d\d \d\d:\d\dZ/);
    expect(table.stdout).toMatch(/^KIND +.*SENT.* +TOTAL$/m);
    expect(table.stdout).toMatch(/^invitation +.* 2$/m);
  });
});

describe("election notify remind, cancel", () => {
  it("schedules a reminder that status shows with its counts; cancels it; an unknown id is refused in words", async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const remind = await election(["notify", "remind", electionId, "--at", at, "--reason", "turnout low", "--json"]);
    expect(remind.code, remind.stderr).toBe(0);
    const reminder = json<{ id: string; sendAt: string; status: string }>(remind);
    expect(reminder).toMatchObject({ electionId, status: "scheduled", sendAt: new Date(at).toISOString() });

    const shown = await status();
    expect(shown.reminders).toEqual([
      { id: reminder.id, sendAt: reminder.sendAt, status: "scheduled", recipients: null, settled: 0, pending: 0 },
    ]);
    const table = await election(["notify", "status", electionId]);
    expect(table.stdout).toContain("1 reminder (counted, never listed per person):");
    expect(table.stdout).toMatch(new RegExp(`^${reminder.id} +\\S+ \\S+ +scheduled +— +0 +0$`, "m"));

    const [unknown, malformed, badTime] = await Promise.all([
      election(["notify", "cancel", electionId, UNKNOWN_REMINDER, "--reason", "typo"]),
      election(["notify", "cancel", electionId, "reminder-1"]),
      election(["notify", "remind", electionId, "--at", "tomorrow noon"]),
    ]);
    expect(unknown.code).toBe(3);
    expect(oneLine(unknown.stderr)).toContain(
      "No scheduled reminder of this election has that id. It may have gone out already (REMINDER_NOT_FOUND). 'election notify status' lists the reminders and their ids.",
    );
    expect(malformed.code).toBe(2);
    expect(oneLine(malformed.stderr)).toContain("reminder-1 is not a reminder id");
    expect(badTime.code).toBe(2);
    expect(oneLine(badTime.stderr)).toContain("--at tomorrow noon is not a time the API takes");

    const cancelled = await election([
      "notify",
      "cancel",
      electionId,
      reminder.id,
      "--reason",
      "sent by mistake",
      "--json",
    ]);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(json(cancelled)).toEqual({ electionId, reminderId: reminder.id, cancelled: true });
    expect((await status()).reminders).toEqual([expect.objectContaining({ id: reminder.id, status: "cancelled" })]);
  });
});

describe("election notify list, retry", () => {
  it("lists the two invitations, each with its language, and never a reminder; retry has nothing to send again", async () => {
    const listed = await election(["notify", "list", electionId, "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    const { messages, more } = json<{ messages: MailMessage[]; more: boolean }>(listed);
    expect(more).toBe(false);
    expect(messages.map((m) => m.kind)).toEqual(["invitation", "invitation"]);
    expect(messages.map((m) => [m.recipient, m.language]).sort()).toEqual([
      [ARABIC, "ar"],
      [ENGLISH, "en"],
    ]);
    expect(messages.every((m) => m.attempts === 1 && m.sentAt !== null && m.lastError === null)).toBe(true);

    const [first, reminders, table, retry] = await Promise.all([
      election(["notify", "list", electionId, "--limit", "1", "--json"]),
      election(["notify", "list", electionId, "--kind", "reminder"]),
      election(["notify", "list", electionId, "--status", "sent"]),
      election(["notify", "retry", electionId, "--json"]),
    ]);
    expect(json<{ messages: MailMessage[]; more: boolean }>(first)).toMatchObject({
      messages: [messages[0]],
      more: true,
    });
    // Reminders are only counted: not even a choice here.
    expect(reminders.code).toBe(2);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^RECIPIENT +KIND +LANG +STATUS +TRIES +SENT +LAST ERROR$/m);
    expect(table.stdout).toMatch(new RegExp(`^salma@example\\.org +invitation +ar +sent +1 `, "m"));
    expect(retry.code, retry.stderr).toBe(0);
    expect(json(retry)).toEqual({ electionId, requeued: 0 });
  });
});
