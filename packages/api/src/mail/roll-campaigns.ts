import {
  DEFAULT_MAIL_LANGUAGE,
  type Election,
  effectiveStatus,
  type NotificationKind,
  type VoterRoll,
} from "@landslide/vote-engine";
import type { MailQueue } from "@landslide/vote-engine/postgres";
import type { Logger } from "../logger";

export interface RollCampaignDeps {
  readonly queue: MailQueue;
  readonly roll: Pick<VoterRoll, "recipients">;
  readonly elections: () => Promise<readonly Election[]>;
  readonly now: () => Date;
  readonly logger: Logger;
}

/**
 * Puts a whole roll's mail in the queue when its moment comes, once per election: invitations
 * when a roll's election is open to voters (opened by hand or by its schedule), the result once it
 * is certified, and each reminder an official scheduled when its time comes. Safe to run in every
 * task at once: campaigns are claimed, and each message exists once per purpose and person.
 */
export function rollCampaigns(deps: RollCampaignDeps) {
  const queueRoll = async (
    election: Election,
    kind: NotificationKind,
    dedupe: (email: string) => string,
    reminderId?: string,
  ) => {
    let queued = 0;
    for await (const page of deps.roll.recipients(election.id)) {
      queued += page.length;
      await deps.queue.enqueue(
        page.map((recipient) => ({
          electionId: election.id,
          kind,
          recipient: recipient.email,
          language: recipient.language ?? DEFAULT_MAIL_LANGUAGE,
          dedupeKey: dedupe(recipient.email),
          ...(reminderId ? { reminderId } : {}),
        })),
      );
    }
    return queued;
  };

  const campaign = async (election: Election, kind: "invitation" | "results") => {
    if (!(await deps.queue.claimCampaign(election.id, kind))) return;
    const recipients = await queueRoll(election, kind, (email) => `${kind}:${email}`);
    await deps.queue.finishCampaign(election.id, kind, recipients);
    deps.logger.info({ electionId: election.id, kind, recipients }, "mail queued for the roll");
  };

  return async function queueDueCampaigns(): Promise<void> {
    const now = deps.now();
    const byId = new Map<string, Election>();
    for (const election of await deps.elections()) {
      byId.set(election.id, election);
      if (election.eligibility !== "voter-roll") continue;
      const status = effectiveStatus(election, now);
      if (status === "open") await campaign(election, "invitation");
      if (status === "certified") await campaign(election, "results");
    }
    for (const reminder of await deps.queue.dueReminders(now)) {
      const election = byId.get(reminder.electionId);
      // Past its close, a reminder to vote has nobody to remind.
      const open = election !== undefined && effectiveStatus(election, now) === "open";
      const recipients = open
        ? await queueRoll(election, "reminder", (email) => `reminder:${reminder.id}:${email}`, reminder.id)
        : 0;
      await deps.queue.markReminderQueued(reminder.id, recipients);
      deps.logger.info({ electionId: reminder.electionId, reminderId: reminder.id, recipients }, "reminder queued");
    }
  };
}
