import type { RunningStack } from "./launcher";

const labels: Record<string, string> = {
  "voter-web": "Voter site",
  console: "Operator console",
  "vote-api": "Vote API",
  "control-api": "Control API",
  results: "Results fan-out",
  aggregator: "Aggregator (health, metrics)",
  "dynamodb-local": "DynamoDB Local",
  "cognito-local": "cognito-local",
  postgres: "PostgreSQL",
};

/** The table `npm run dev` prints once everything answers. */
export function renderSummary(stack: RunningStack): string {
  const urlRows = Object.entries(stack.urls).map(([name, url]) => [labels[name] ?? name, url] as const);
  const accountRows = stack.accounts.map((a) => [a.group.replace(/s$/, ""), a.email, a.password] as const);
  return [
    "",
    "Landslide is running.",
    "",
    table(["What", "Where"], urlRows),
    "",
    "Demo accounts (passwords generated at provisioning; also in " + stack.layout.credentials + "):",
    table(["Role", "E-mail", "Password"], accountRows),
    "",
    `Demo election: ${stack.provisioned.demoElectionId ?? "none"} (open)`,
    `Service logs (JSON): ${stack.layout.logs}`,
    "Press Ctrl-C to stop everything.",
  ].join("\n");
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => ("  " + cells.map((c, i) => c.padEnd(widths[i]!)).join("   ")).trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
