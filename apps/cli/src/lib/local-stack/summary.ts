import type { RunningStack } from "./launcher";

const labels: Record<string, string> = {
  "voter-web": "Voter site",
  console: "Operator console",
  "vote-api": "Vote API",
  "control-api": "Control API",
  results: "Results fan-out",
  aggregator: "Aggregator (health)",
  "dynamodb-local": "DynamoDB Local",
  "cognito-local": "cognito-local",
  postgres: "PostgreSQL",
  "ses-local": "Mailbox (local SES)",
  "s3-local": "Audit archive (local S3)",
  "sqs-local": "Dead letters (local SQS)",
};

/** What the summary shows of a running stack. */
export type SummaryOf = Pick<RunningStack, "urls" | "accounts" | "layout"> & {
  readonly provisioned: Pick<RunningStack["provisioned"], "demoElectionId">;
};

/** The table `npm run dev` prints once everything answers. */
export function renderSummary(stack: SummaryOf): string {
  const urlRows = Object.entries(stack.urls).map(([name, url]) => [labels[name] ?? name, url] as const);
  // The passwords stay in the owner-only credentials file: a terminal is shared, scrolled back,
  // recorded and pasted into bug reports.
  const accountRows = stack.accounts.map((a) => [a.group.replace(/s$/, ""), a.email] as const);
  return [
    "",
    "Landslide is running.",
    "",
    table(["What", "Where"], urlRows),
    "",
    "Demo accounts (passwords generated at provisioning, readable by you only in " + stack.layout.credentials + "):",
    table(["Role", "E-mail"], accountRows),
    "",
    `Demo election: ${stack.provisioned.demoElectionId ?? "none"} (open)`,
    // Nothing leaves the machine: a developer looking for a notification must know where it went.
    ...(stack.urls["ses-local"]
      ? [`E-mail the services send is delivered nowhere: read it in the mailbox at ${stack.urls["ses-local"]}`]
      : []),
    `Service logs (JSON): ${stack.layout.logs}`,
    "A service or web app that crashes is restarted (0.5 s back-off, doubling to 30 s); each restart is reported here.",
    "Press Ctrl-C to stop everything.",
  ].join("\n");
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => ("  " + cells.map((c, i) => c.padEnd(widths[i]!)).join("   ")).trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
