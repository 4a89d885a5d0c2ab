import { dirname, join } from "node:path";
import { ManagedChild } from "./child";
import type { RunningServer } from "./dynamodb-local";
import { resolveEmulator } from "./emulators";
import { answersHttp, waitWhileProgressing } from "./wait";

export interface SesLocalOptions {
  readonly port: number;
  readonly logFile?: string;
  /**
   * The sending quota it reports (SESv2 GetAccount), which the notifier paces itself by, as SES's
   * real quota does in production. Messages per second.
   */
  readonly maxSendRate?: number;
}

/** What the local SES server kept of one message (its `GET /store`). */
export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: {
    readonly to: readonly string[];
    readonly cc: readonly string[];
    readonly bcc: readonly string[];
  };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly at: number;
}

/**
 * Starts aws-ses-v2-local, an Amazon SES (v1 and v2 API) server that keeps every message it is
 * sent in memory: its API on `endpoint`, a mailbox to read them in a browser at `/`, and the
 * same as JSON at `/store`. Bound to loopback.
 */
export async function startSesLocal(options: SesLocalOptions): Promise<RunningServer> {
  // Found first: nothing is started when the package is missing (a production install).
  const entry = join(dirname(resolveEmulator("aws-ses-v2-local")), "dist", "cli.js");
  const endpoint = `http://127.0.0.1:${options.port}`;
  // Every field SES's GetAccount answers with: the server refuses an account missing any.
  const account = {
    DedicatedIpAutoWarmupEnabled: false,
    Details: {
      AdditionalContactEmailAddresses: [],
      ContactLanguage: "EN",
      MailType: "TRANSACTIONAL",
      ReviewDetails: { CaseId: "local", Status: "GRANTED" },
      UseCaseDescription: "Landslide's local stack",
      WebsiteURL: "http://localhost",
    },
    EnforcementStatus: "HEALTHY",
    ProductionAccessEnabled: true,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: 1_000_000, MaxSendRate: options.maxSendRate ?? 50, SentLast24Hours: 0 },
    SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
  };
  const child = new ManagedChild({
    name: "aws-ses-v2-local",
    command: process.execPath,
    args: [entry, "--host", "127.0.0.1", "--port", String(options.port)],
    // SMTP_TRANSPORT would make it relay every message to a real mail server: locally, mail is
    // only ever "sent" into this mailbox, whatever the developer's shell happens to hold.
    env: { ...process.env, AWS_SES_ACCOUNT: JSON.stringify(account), SMTP_TRANSPORT: "" },
    ...(options.logFile ? { logFile: options.logFile } : {}),
  });
  try {
    await waitWhileProgressing(child, () => answersHttp(`${endpoint}/health-check`));
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { name: "aws-ses-v2-local", endpoint, child, stop: () => child.stop() };
}

/** Every message the local SES server holds, oldest first. */
export async function readSesMailbox(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`${endpoint}/store answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails;
}
