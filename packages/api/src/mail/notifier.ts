import type { Election, Mailer, VoterRoll } from "@landslide/vote-engine";
import type { MailQueue } from "@landslide/vote-engine/postgres";
import type { Logger } from "../logger";
import { rollCampaigns } from "./roll-campaigns";
import { sendQueuedMail } from "./send-queued-mail";
import type { UnsubscribeTokens } from "./unsubscribe-token";

export interface NotifierDeps {
  readonly queue: MailQueue;
  readonly mailer: Mailer;
  readonly roll: Pick<VoterRoll, "recipients">;
  readonly elections: () => Promise<readonly Election[]>;
  readonly election: (id: string) => Promise<Election | undefined>;
  readonly hasVoted: (electionId: string, email: string) => Promise<boolean>;
  readonly tokens: UnsubscribeTokens;
  readonly urls: { readonly voterWeb: string; readonly controlApi: string };
  /** Messages per second across all tasks; undefined: SES's quota for the account. */
  readonly sendRate: number | undefined;
  readonly now: () => Date;
  readonly logger: Logger;
}

export interface NotifierTiming {
  /** How often a batch is claimed (and the rate's one second's worth sent). */
  readonly batchEveryMs?: number;
  /** How often the elections are looked over for invitations, results and due reminders. */
  readonly campaignsEveryMs?: number;
}

/**
 * The control API's background mail work: queue a roll's mail when its moment comes, and work
 * through the queue at the sending rate. Every task runs it; the queue's claims and the shared
 * pacer keep the tasks together within the rate and never send one message twice at once.
 */
export function startNotifier(
  deps: NotifierDeps,
  { batchEveryMs = 1000, campaignsEveryMs = 5000 }: NotifierTiming = {},
) {
  const queueCampaigns = rollCampaigns(deps);
  const sendBatch = sendQueuedMail(deps);
  let rate: Promise<number> | undefined;
  const sendRate = () =>
    (rate ??= deps.sendRate !== undefined ? Promise.resolve(deps.sendRate) : deps.mailer.maxSendRate()).catch(
      (error: unknown) => {
        rate = undefined;
        throw error;
      },
    );
  let stopped = false;
  let lastCampaigns = 0;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    if (Date.now() - lastCampaigns >= campaignsEveryMs) {
      lastCampaigns = Date.now();
      await queueCampaigns();
    }
    const perSecond = await sendRate();
    // One batch per interval across all tasks, sized so that the batches add up to the rate.
    await sendBatch(Math.max(1, Math.floor((perSecond * batchEveryMs) / 1000)), batchEveryMs);
  };

  const loop = async () => {
    while (!stopped) {
      try {
        await tick();
      } catch (error) {
        deps.logger.warn({ err: error }, "mail: a round failed; trying again");
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, batchEveryMs).unref());
    }
  };
  running = loop();

  return {
    async stop(): Promise<void> {
      stopped = true;
      await running;
    },
  };
}
