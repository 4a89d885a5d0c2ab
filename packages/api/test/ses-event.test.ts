import { describe, expect, it } from "vitest";
import { readDeliveryEvent } from "../src/mail/ses-event";

/**
 * SES event records in the shape the SES developer guide documents for configuration-set event
 * publishing to SNS ("Examples of event data that Amazon SES publishes to Amazon SNS"), trimmed
 * to their identifying fields, raw and inside SNS's envelope as SQS receives it.
 */
const mail = {
  timestamp: "2017-08-05T00:40:02.012Z",
  messageId: "EXAMPLE7c191be45-e9aedb9a-000000",
  destination: ["recipient@example.com"],
};
const bounce = (bounceType: string) => ({
  eventType: "Bounce",
  bounce: {
    bounceType,
    bounceSubType: "General",
    bouncedRecipients: [{ emailAddress: "Recipient@Example.com", action: "failed", status: "5.1.1" }],
  },
  mail,
});
const inSns = (record: unknown) =>
  JSON.stringify({
    Type: "Notification",
    MessageId: "sns-1",
    TopicArn: "arn:aws:sns:eu-west-1:1:ses",
    Message: JSON.stringify(record),
  });

describe("readDeliveryEvent", () => {
  it("suppresses the address of a permanent bounce, raw or wrapped by SNS", () => {
    for (const body of [JSON.stringify(bounce("Permanent")), inSns(bounce("Permanent"))])
      expect(readDeliveryEvent(body)).toEqual({
        sesMessageId: mail.messageId,
        outcome: "bounced",
        suppress: ["recipient@example.com"],
      });
  });

  it("records a transient bounce (a full mailbox) without stopping mail to the address", () => {
    expect(readDeliveryEvent(inSns(bounce("Transient")))).toEqual({
      sesMessageId: mail.messageId,
      outcome: "bounced",
      suppress: [],
    });
  });

  it("suppresses the addresses of a complaint and records a delivery", () => {
    const complaint = {
      eventType: "Complaint",
      complaint: { complainedRecipients: [{ emailAddress: "recipient@example.com" }], complaintFeedbackType: "abuse" },
      mail,
    };
    expect(readDeliveryEvent(inSns(complaint))).toMatchObject({
      outcome: "complained",
      suppress: ["recipient@example.com"],
    });
    expect(
      readDeliveryEvent(inSns({ eventType: "Delivery", delivery: { recipients: ["recipient@example.com"] }, mail })),
    ).toEqual({
      sesMessageId: mail.messageId,
      outcome: "delivered",
      suppress: [],
    });
  });

  it("ignores events that change nothing here and anything that is not an SES event", () => {
    for (const body of [
      inSns({ eventType: "Send", send: {}, mail }),
      inSns({ eventType: "Open", mail }),
      "not json",
      "{}",
      inSns("oops"),
    ])
      expect(readDeliveryEvent(body)).toBeUndefined();
  });
});
