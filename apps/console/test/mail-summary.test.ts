import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import {
  campaignSentence,
  failedCount,
  kindRows,
  kindSentence,
  languageName,
  lastErrorWords,
  MAIL_POLL_MS,
  MAIL_STATUSES,
  mailInFlight,
  mailPageState,
  type MailReminder,
  type MailStatus,
  type MailSummary,
  nextMailPoll,
  reminderState,
  statusWords,
  unsentWords,
  whenMailGoes,
} from "../app/[locale]/elections/[id]/mail/mail-summary";
import { type ReminderElection, reminderSendAt } from "../app/[locale]/elections/[id]/mail/reminder-time";

const at = { locale: "en-GB", timeZone: "UTC" };
const counts = (some: Partial<Record<MailStatus, number>> = {}) =>
  ({ ...Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])), ...some }) as Record<MailStatus, number>;

function summary(more: Partial<MailSummary> = {}): MailSummary {
  return {
    electionId: "e1",
    rollBased: true,
    kinds: { invitation: counts(), reminder: counts(), receipt: counts(), results: counts() },
    campaigns: [],
    reminders: [],
    ...more,
  };
}

const reminder = (more: Partial<MailReminder> = {}): MailReminder => ({
  id: "r1",
  sendAt: "2026-12-03T15:00:00.000Z",
  status: "scheduled",
  recipients: null,
  settled: 0,
  pending: 0,
  ...more,
});

describe("what went out, per kind", () => {
  const mail = summary({
    kinds: {
      invitation: counts({ delivered: 1180, sent: 16, queued: 3, sending: 1, failed: 2, bounced: 1, suppressed: 1 }),
      reminder: counts({ settled: 40, queued: 2 }),
      receipt: counts({ sent: 1 }),
      results: counts(),
    },
  });

  it("groups the statuses into the chart's parts, every message counted once", () => {
    const [invitations, reminders] = kindRows(mail);
    expect(invitations).toEqual({
      kind: "invitation",
      total: 1204,
      groups: { delivered: 1180, sent: 16, settled: 0, waiting: 4, notSent: 1, failed: 3 },
    });
    expect(reminders!.groups).toMatchObject({ settled: 40, waiting: 2 });
  });

  it("says each kind in a sentence, leaving out what is zero", () => {
    const sentences = kindRows(mail).map((row) => kindSentence(row, inEnglish, "en"));
    expect(sentences).toEqual([
      "Invitations: 1,204 in all: 1,180 delivered, 16 sent, 4 waiting or sending, 1 not sent (unsubscribed), 3 failed or bounced.",
      "Reminders: 42 in all: 40 done, 2 waiting or sending.",
      "Receipts: 1 in all: 1 sent.",
      "Results: none so far.",
    ]);
  });

  it("counts the dead letters an official can send again, never reminders", () => {
    expect(failedCount(mail)).toBe(2);
    const more = { ...mail.kinds, receipt: counts({ failed: 3 }), reminder: counts({ failed: 7 }) };
    expect(failedCount(summary({ kinds: more }))).toBe(5);
  });

  it("has a word and a sentence of help for every status, never the code", () => {
    for (const status of MAIL_STATUSES) {
      expect(statusWords(status, inEnglish).label).toMatch(/^[A-Z][a-z]/);
      expect(statusWords(status, inEnglish).help).toMatch(/^[A-Z].*\.$/);
    }
    expect(statusWords("suppressed", inEnglish).label).toBe("Not sent");
    expect(statusWords("complained", inEnglish).label).toBe("Marked as spam");
  });
});

describe("the invitation campaign", () => {
  const scheduled = { status: "scheduled", opensAt: "2026-12-03T14:00:00Z" } as const;

  it("says when the invitations will go, before voting opens", () => {
    expect(campaignSentence("invitation", summary(), { status: "draft", opensAt: null }, inEnglish, at)).toBe(
      "Invitations go out when voting opens.",
    );
    expect(campaignSentence("invitation", summary(), scheduled, inEnglish, at)).toBe(
      "Invitations go out when voting opens, on 3 Dec 2026, 14:00 UTC.",
    );
  });

  it("says how many addresses they were queued for, and when", () => {
    const queued = summary({
      campaigns: [
        {
          kind: "invitation",
          recipients: 1204,
          startedAt: "2026-12-03T14:01:58Z",
          queuedAt: "2026-12-03T14:02:00Z",
        },
      ],
    });
    expect(campaignSentence("invitation", queued, { status: "open", opensAt: null }, inEnglish, at)).toBe(
      "Invitations queued for 1,204 addresses on 3 Dec 2026, 14:02 UTC.",
    );
    const one = summary({ campaigns: [{ ...queued.campaigns[0]!, recipients: 1 }] });
    expect(campaignSentence("invitation", one, { status: "open", opensAt: null }, inEnglish, at)).toMatch(
      /for 1 address on/,
    );
  });

  it("tells a campaign being queued, and one that found no address, from one not started", () => {
    const started = summary({
      campaigns: [{ kind: "invitation", recipients: null, startedAt: "2026-12-03T14:02:00Z", queuedAt: null }],
    });
    expect(campaignSentence("invitation", started, { status: "open", opensAt: null }, inEnglish, at)).toBe(
      "Invitations are being queued for the roll (started 3 Dec 2026, 14:02 UTC).",
    );
    const empty = summary({
      campaigns: [
        { kind: "invitation", recipients: 0, startedAt: "2026-12-03T14:02:00Z", queuedAt: "2026-12-03T14:02:00Z" },
      ],
    });
    expect(campaignSentence("invitation", empty, { status: "open", opensAt: null }, inEnglish, at)).toMatch(
      /^Nobody to invite: the roll had no e-mail addresses/,
    );
    expect(campaignSentence("results", summary(), { status: "open", opensAt: null }, inEnglish, at)).toBe(
      "The result goes to every address on the roll once the election is certified.",
    );
  });
});

describe("what the tab shows", () => {
  it("says mail goes to rolls only for an election open to anyone, counting the receipts voters asked for", () => {
    const open = summary({ rollBased: false, kinds: { ...summary().kinds, receipt: counts({ sent: 2 }) } });
    expect(mailPageState(open)).toEqual({ kind: "open-to-all", receipts: 2 });
  });

  it("says when mail will go while there is none, and shows it once there is", () => {
    expect(mailPageState(summary())).toEqual({ kind: "nothing-yet" });
    expect(mailPageState(summary({ reminders: [reminder()] }))).toEqual({ kind: "mail" });
    expect(mailPageState(summary({ kinds: { ...summary().kinds, invitation: counts({ queued: 1 }) } }))).toEqual({
      kind: "mail",
    });
    expect(whenMailGoes({ status: "scheduled", opensAt: "2026-12-03T14:00:00Z" }, inEnglish, at)).toMatch(
      /^Invitations go to every address on the voter roll when voting opens, on 3 Dec 2026, 14:00 UTC\./,
    );
  });
});

describe("reminders, counted and never listed per person", () => {
  const now = new Date("2026-12-03T14:30:00Z");

  it("can be cancelled until they go out, and say how far they have got in counts only", () => {
    expect(reminderState(reminder(), now, inEnglish)).toMatchObject({ label: "Scheduled", cancellable: true });
    expect(reminderState(reminder({ sendAt: "2026-12-03T14:00:00Z" }), now, inEnglish)).toMatchObject({
      label: "Due",
      cancellable: true,
    });
    expect(
      reminderState(reminder({ status: "queued", recipients: 3, settled: 1, pending: 2 }), now, inEnglish),
    ).toEqual({
      label: "Going out",
      tone: "info",
      detail: "1 of 3 addresses dealt with.",
      cancellable: false,
    });
    expect(reminderState(reminder({ status: "queued", recipients: 3, settled: 3 }), now, inEnglish).detail).toBe(
      "All 3 addresses dealt with: reminded, or had already voted.",
    );
    expect(reminderState(reminder({ status: "queued", recipients: 0 }), now, inEnglish).label).toBe("Nobody to remind");
    expect(reminderState(reminder({ status: "cancelled" }), now, inEnglish)).toMatchObject({
      label: "Cancelled",
      cancellable: false,
    });
  });

  describe("the time chosen for one", () => {
    const open: ReminderElection = {
      status: "open",
      opensAt: "2026-12-01T08:00:00Z",
      closesAt: "2026-12-04T18:00:00Z",
    };
    // The console's tests run in Europe/Paris (vitest.config.ts): 15:30 there is 14:30 UTC.
    const paris = (local: string) => ({ mode: "later", local }) as const;

    it("is now, with the browser's offset, while voting is open", () => {
      expect(reminderSendAt({ mode: "now" }, open, now, inEnglish, at)).toEqual({
        ok: true,
        sendAt: "2026-12-03T15:30:00.000+01:00",
      });
      expect(reminderSendAt({ mode: "now" }, { ...open, status: "scheduled" }, now, inEnglish, at)).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/^Voting is not open yet/),
      });
    });

    it("is a later time before voting closes, sent with its offset", () => {
      expect(reminderSendAt(paris("2026-12-04T09:00"), open, now, inEnglish, at)).toEqual({
        ok: true,
        sendAt: "2026-12-04T09:00:00.000+01:00",
      });
    });

    it("says what is wrong with an empty, past, too early or too late time", () => {
      const problem = (local: string, election = open) => {
        const time = reminderSendAt(paris(local), election, now, inEnglish, at);
        return time.ok ? undefined : time.problem;
      };
      expect(problem("")).toBe("Choose the date and time to send it.");
      expect(problem("2026-12-03T09:00")).toBe("That time has passed: choose a later one, or “Send now”.");
      expect(problem("2026-12-04T19:30")).toBe("That is after voting closes, on 4 Dec 2026, 18:00 UTC.");
      expect(problem("2026-12-04T09:00", { ...open, status: "scheduled", opensAt: "2026-12-05T08:00:00Z" })).toBe(
        "Voting opens on 5 Dec 2026, 08:00 UTC: a reminder before then would reach nobody.",
      );
      expect(problem("2026-12-04T09:00", { ...open, status: "closed" })).toBe(
        "Voting has ended: there is nobody left to remind.",
      );
    });
  });
});

describe("a message's row", () => {
  it("names the language and says the last error in plain words", () => {
    expect(languageName("ar", "en")).toBe("Arabic");
    expect(languageName("xx", "en")).toBe("xx");
    expect(lastErrorWords({ lastError: null, status: "sent" }, inEnglish)).toBeUndefined();
    expect(lastErrorWords({ lastError: "TypeError: fetch failed", status: "queued" }, inEnglish)).toBe(
      "The mail service did not answer. It is tried again shortly.",
    );
    expect(
      lastErrorWords(
        {
          lastError: "MessageRejected: Email address is not verified. The following identities failed the check",
          status: "failed",
        },
        inEnglish,
      ),
    ).toBe("The mail service refused it: the sender address or domain is not verified there.");
    expect(lastErrorWords({ lastError: "the election is gone", status: "failed" }, inEnglish)).toBe(
      "The election was deleted before it could be sent.",
    );
    expect(lastErrorWords({ lastError: "Something odd", status: "failed" }, inEnglish)).toBe(
      "The mail service said: “Something odd”",
    );
    expect(unsentWords("queued", inEnglish)).toBe("Not yet");
    expect(unsentWords("suppressed", inEnglish)).toBe("Never");
  });
});

describe("reading the mail again", () => {
  const now = new Date("2026-12-03T14:30:00Z");
  const open = { status: "open" } as const;
  const invited = summary({
    campaigns: [{ kind: "invitation", recipients: 2, startedAt: now.toISOString(), queuedAt: now.toISOString() }],
  });

  it("polls every few seconds while anything is waiting or being sent", () => {
    const sending = summary({ ...invited, kinds: { ...invited.kinds, invitation: counts({ sending: 1, sent: 1 }) } });
    expect(nextMailPoll(sending, open, now)).toBe(MAIL_POLL_MS);
    expect(MAIL_POLL_MS).toBeGreaterThanOrEqual(3_000);
    expect(MAIL_POLL_MS).toBeLessThanOrEqual(5_000);
  });

  it("polls while voting is open and the invitations are not queued yet", () => {
    expect(mailInFlight(summary(), open, now)).toBe(true);
    expect(mailInFlight(summary(), { status: "scheduled" }, now)).toBe(false);
  });

  it("does not poll once everything has gone out, except just after the next reminder comes due", () => {
    const settled = summary({ ...invited, kinds: { ...invited.kinds, invitation: counts({ delivered: 2 }) } });
    expect(nextMailPoll(settled, open, now)).toBe(false);
    const later = summary({ ...settled, reminders: [reminder({ sendAt: "2026-12-03T15:00:00Z" })] });
    expect(nextMailPoll(later, open, now)).toBe(30 * 60_000 + 1_500);
    expect(nextMailPoll(summary({ rollBased: false }), open, now)).toBe(false);
    expect(nextMailPoll(undefined, open, now)).toBe(false);
  });
});
