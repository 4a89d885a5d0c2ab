import {
  type Election,
  effectiveStatus,
  isMailLanguage,
  DEFAULT_MAIL_LANGUAGE,
  localizedElection,
  type Mailer,
  type MessageFacts,
  renderMessage,
} from "@landslide/vote-engine";
import type { MailQueue, QueuedMessage } from "@landslide/vote-engine/postgres";
import type { Logger } from "../logger";
import { mailLinks } from "./mail-links";
import type { UnsubscribeTokens } from "./unsubscribe-token";

/** After this many tries a message is a dead letter (status failed), for an official to send again. */
export const MAX_SEND_ATTEMPTS = 5;
/** How long a claimed message stays claimed: a sender that died mid-batch leaves it to another after this. */
const LEASE_MS = 60_000;
/** Back-off between tries: 15 s, 30 s, 1 min, 2 min…, at most 30 min, each with up to half again at random. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(15_000 * 2 ** (attempts - 1), 30 * 60_000);
  return base + Math.floor(random() * base * 0.5);
}

export interface SendQueuedMailDeps {
  readonly queue: MailQueue;
  readonly mailer: Mailer;
  readonly election: (id: string) => Promise<Election | undefined>;
  readonly hasVoted: (electionId: string, email: string) => Promise<boolean>;
  readonly tokens: UnsubscribeTokens;
  readonly urls: { readonly voterWeb: string; readonly controlApi: string };
  readonly now: () => Date;
  readonly logger: Logger;
}

type Ending = "sent" | "retry" | "failed" | "suppressed" | "settled";

/**
 * Sends one batch the queue hands out (at most `perBatch`, once per `spacingMs` across every
 * task): each message is checked against the suppression list, reminders against the votes, then
 * laid out in its language and sent. Answers how each one ended.
 */
export function sendQueuedMail(deps: SendQueuedMailDeps) {
  const sendOne = async (message: QueuedMessage, election: Election | undefined): Promise<Ending> => {
    const reminder = message.kind === "reminder";
    const recipient = message.recipient;
    if (recipient === null || election === undefined) {
      await (reminder
        ? deps.queue.settleReminder(message.id)
        : deps.queue.markFailed(message.id, "the election is gone"));
      return reminder ? "settled" : "failed";
    }
    if (await deps.queue.isSuppressed(recipient)) {
      await (reminder ? deps.queue.settleReminder(message.id) : deps.queue.markSuppressed(message.id));
      return reminder ? "settled" : "suppressed";
    }
    const votingOpen = effectiveStatus(election, deps.now()) === "open";
    if (reminder && (!votingOpen || (await deps.hasVoted(election.id, recipient)))) {
      await deps.queue.settleReminder(message.id);
      return "settled";
    }
    if (message.kind === "invitation" && !votingOpen) {
      await deps.queue.markFailed(message.id, "voting had ended before the invitation could be sent");
      return "failed";
    }
    const language = isMailLanguage(message.language) ? message.language : DEFAULT_MAIL_LANGUAGE;
    const links = mailLinks(deps.urls.voterWeb, deps.urls.controlApi, language);
    const token = deps.tokens.issue(recipient);
    const payload = message.payload as { receiptId?: string; castAt?: string; document?: string } | null;
    const facts: MessageFacts = {
      // The title in the recipient's language when the election has it, else as the official wrote it.
      electionTitle: localizedElection(election, [language]).election.title,
      closesAt: election.closesAt,
      actionUrl: links.action(message.kind, election.id),
      unsubscribeUrl: links.unsubscribePage(token),
      ...(payload?.receiptId && payload.castAt && payload.document
        ? { receipt: { receiptId: payload.receiptId, castAt: new Date(payload.castAt), document: payload.document } }
        : {}),
    };
    const rendered = renderMessage(message.kind, language, facts);
    const outcome = await deps.mailer.send({
      to: recipient,
      ...rendered,
      headers: {
        "List-Unsubscribe": `<${links.oneClick(token)}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    if (outcome.sent) {
      await (reminder ? deps.queue.settleReminder(message.id) : deps.queue.markSent(message.id, outcome.messageId));
      return reminder ? "settled" : "sent";
    }
    return giveUpOrRetry(message, outcome.error, outcome.permanent);
  };

  const giveUpOrRetry = async (message: QueuedMessage, error: string, permanent = false): Promise<Ending> => {
    if (permanent || message.attempts >= MAX_SEND_ATTEMPTS) {
      if (message.kind === "reminder") {
        await deps.queue.settleReminder(message.id);
        return "settled";
      }
      await deps.queue.markFailed(message.id, error);
      return "failed";
    }
    await deps.queue.markRetry(message.id, error, new Date(deps.now().getTime() + retryDelayMs(message.attempts)));
    return "retry";
  };

  return async function sendBatch(perBatch: number, spacingMs: number): Promise<Record<Ending, number>> {
    const endings: Record<Ending, number> = { sent: 0, retry: 0, failed: 0, suppressed: 0, settled: 0 };
    const batch = await deps.queue.claimBatch(perBatch, spacingMs, LEASE_MS);
    const elections = new Map<string, Promise<Election | undefined>>();
    const electionOf = (id: string) => {
      if (!elections.has(id)) elections.set(id, deps.election(id));
      return elections.get(id)!;
    };
    // A few at a time: the batch is at most a second's worth of SES's rate.
    for (let i = 0; i < batch.length; i += 8) {
      await Promise.all(
        batch.slice(i, i + 8).map(async (message) => {
          let ending: Ending;
          try {
            ending = await sendOne(message, await electionOf(message.electionId));
          } catch (error) {
            // A lookup that failed (Cognito, DynamoDB) is tried again like a refused send.
            const text = (error instanceof Error ? error.message : String(error)).slice(0, 500);
            ending = await giveUpOrRetry(message, text);
          }
          endings[ending]++;
        }),
      );
    }
    if (batch.length > 0) deps.logger.info({ claimed: batch.length, ...endings }, "mail batch sent");
    return endings;
  };
}
