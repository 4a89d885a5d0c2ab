import type { DeliveryEvents } from "@landslide/vote-engine";
import type { MailQueue } from "@landslide/vote-engine/postgres";
import type { Logger } from "../logger";
import { readDeliveryEvent } from "./ses-event";

/**
 * Records what SES reports of each message (delivered, bounced, complained) as it arrives, and
 * suppresses the addresses that bounced for good or complained. An event is acknowledged only once
 * recorded, so a crash in between has it delivered again (recording is idempotent).
 */
export function startDeliveryEvents(events: DeliveryEvents, queue: MailQueue, logger: Logger) {
  const abort = new AbortController();
  const loop = async () => {
    while (!abort.signal.aborted) {
      try {
        for (const event of await events.receive(abort.signal)) {
          const read = readDeliveryEvent(event.body);
          if (read) await queue.recordOutcome(read.sesMessageId, read.outcome, read.suppress);
          else logger.debug("mail: an event that changes nothing here");
          await event.done();
        }
      } catch (error) {
        if (abort.signal.aborted) break;
        logger.warn({ err: error }, "mail: reading SES events failed; trying again");
        await new Promise((resolve) => setTimeout(resolve, 5000).unref());
      }
    }
  };
  const running = loop();
  return {
    async stop(): Promise<void> {
      abort.abort();
      await running;
    },
  };
}
