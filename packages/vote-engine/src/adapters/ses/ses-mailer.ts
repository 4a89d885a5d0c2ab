import { GetAccountCommand, SendEmailCommand, SESv2Client, SESv2ServiceException } from "@aws-sdk/client-sesv2";
import type { Mailer, OutgoingMail, SendOutcome } from "../../ports";

export interface SesMailerOptions {
  readonly region: string;
  /** Unset: SES's own endpoint for the region; locally the SES server the launcher started. */
  readonly endpoint?: string | undefined;
  /** A verified SES identity, optionally with a display name: "Landslide <elections@example.org>". */
  readonly from: string;
  /** Its event destination reports deliveries, bounces and complaints. */
  readonly configurationSet?: string | undefined;
}

/**
 * Errors no retry can mend: the message or its sender was refused. Throttling, a paused account
 * and service errors may pass, and are tried again with back-off.
 */
const PERMANENT_ERRORS = new Set([
  "MessageRejected",
  "BadRequestException",
  "MailFromDomainNotVerifiedException",
  "NotFoundException",
]);

/** Amazon SES v2: one SendEmail per message, so each has its own message id for its events. */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;

  constructor(private readonly options: SesMailerOptions) {
    this.client = new SESv2Client({
      region: options.region,
      ...(options.endpoint
        ? { endpoint: options.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
      // The queue retries with its own back-off; one more attempt here is for a kept-alive socket
      // the server closed as it was reused (a reset, not a refusal), which is all the SDK retries
      // that quickly.
      maxAttempts: 2,
    });
  }

  async send(mail: OutgoingMail): Promise<SendOutcome> {
    try {
      const answer = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.options.from,
          Destination: { ToAddresses: [mail.to] },
          ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: "UTF-8" },
              Body: { Text: { Data: mail.text, Charset: "UTF-8" }, Html: { Data: mail.html, Charset: "UTF-8" } },
              Headers: Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })),
            },
          },
        }),
        { abortSignal: AbortSignal.timeout(10_000) },
      );
      return { sent: true, messageId: answer.MessageId ?? "" };
    } catch (error) {
      const name = error instanceof SESv2ServiceException ? error.name : "";
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { sent: false, permanent: PERMANENT_ERRORS.has(name), error: message.slice(0, 500) };
    }
  }

  async maxSendRate(): Promise<number> {
    const account = await this.client.send(new GetAccountCommand({}));
    return account.SendQuota?.MaxSendRate ?? 1;
  }

  close(): void {
    this.client.destroy();
  }
}
