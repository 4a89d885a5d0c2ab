import { z } from "zod";
import type { DeliveryOutcome } from "@landslide/vote-engine/postgres";

const recipients = z.array(z.object({ emailAddress: z.string() })).default([]);

/** The parts of an SES event record (configuration set event publishing) that matter here. */
const sesEventSchema = z.object({
  eventType: z.string(),
  mail: z.object({ messageId: z.string() }),
  bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipients }).optional(),
  complaint: z.object({ complainedRecipients: recipients }).optional(),
});

/** SNS wraps what it delivers to SQS unless raw delivery is on: both are read. */
const snsEnvelopeSchema = z.object({ Type: z.literal("Notification"), Message: z.string() });

export interface DeliveryEvent {
  readonly sesMessageId: string;
  readonly outcome: DeliveryOutcome;
  /** Addresses that get no more mail: a permanent bounce's, or a complaint's. */
  readonly suppress: readonly string[];
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * What one SES event says became of a message, or undefined for events that change nothing here
 * (Send, Open, a delivery delay) and for anything that is not an SES event at all. A transient
 * bounce (a full mailbox) is no reason to stop writing to someone; a permanent one is.
 */
export function readDeliveryEvent(body: string): DeliveryEvent | undefined {
  let parsed = parseJson(body);
  const envelope = snsEnvelopeSchema.safeParse(parsed);
  if (envelope.success) parsed = parseJson(envelope.data.Message);
  const event = sesEventSchema.safeParse(parsed);
  if (!event.success) return undefined;
  const { eventType, mail, bounce, complaint } = event.data;
  const addresses = (list: ReadonlyArray<{ emailAddress: string }>) => list.map((r) => r.emailAddress.toLowerCase());
  switch (eventType) {
    case "Delivery":
      return { sesMessageId: mail.messageId, outcome: "delivered", suppress: [] };
    case "Bounce":
      return {
        sesMessageId: mail.messageId,
        outcome: "bounced",
        suppress: bounce?.bounceType === "Permanent" ? addresses(bounce.bouncedRecipients) : [],
      };
    case "Complaint":
      return {
        sesMessageId: mail.messageId,
        outcome: "complained",
        suppress: addresses(complaint?.complainedRecipients ?? []),
      };
    default:
      return undefined;
  }
}
