/**
 * The region-loss drill, both consistency modes side by side, against two DynamoDB Local servers
 * it starts (in memory, on free ports) and stops again:
 *
 *   npm run drill:region-loss -w @landslide/local-stack [-- --voters 200 --delay-ms 1000 --gap-ms 0 --json]
 *
 * Exits 1 if strong consistency (MRSC) ever lost an acknowledged vote or gave a voter two receipts.
 */
import { parseArgs } from "node:util";
import { startDynamoDbLocal } from "../dynamodb-local";
import { freePort } from "../ports";
import { checkDrillSettings, DRILL_DEFAULTS, formatReports, type RegionDrillReport, runRegionLossDrill } from "./drill";

const { values } = parseArgs({
  options: {
    voters: { type: "string", default: String(DRILL_DEFAULTS.voters) },
    "delay-ms": { type: "string", default: String(DRILL_DEFAULTS.replicationDelayMs) },
    "gap-ms": { type: "string", default: String(DRILL_DEFAULTS.gapMs) },
    concurrency: { type: "string", default: String(DRILL_DEFAULTS.concurrency) },
    json: { type: "boolean", default: false },
  },
});
let settings: ReturnType<typeof checkDrillSettings>;
try {
  settings = checkDrillSettings({
    voters: Number(values.voters),
    replicationDelayMs: Number(values["delay-ms"]),
    gapMs: Number(values["gap-ms"]),
    concurrency: Number(values.concurrency),
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

const say = (line: string) => {
  if (!values.json) process.stderr.write(`${line}\n`);
};

say("Starting two DynamoDB Local servers, one per region (Java: this takes a while on a busy machine)…");
const starts = await Promise.allSettled(
  [0, 1].map(async () => startDynamoDbLocal({ port: await freePort(), dataDir: null })),
);
const servers = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
const failedStart = starts.find((start) => start.status === "rejected");
if (failedStart) {
  await Promise.all(servers.map((server) => server.stop()));
  throw failedStart.reason;
}
let reports: RegionDrillReport[] = [];
try {
  const endpoints = [servers[0]!.endpoint, servers[1]!.endpoint] as const;
  for (const mode of ["MREC", "MRSC"] as const) {
    say(`Running ${mode}…`);
    reports = [...reports, await runRegionLossDrill({ endpoints, mode, ...settings })];
  }
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}

process.stdout.write(values.json ? `${JSON.stringify(reports, null, 2)}\n` : `${formatReports(reports)}\n`);
const strong = reports.find((r) => r.mode === "MRSC");
if (strong && (strong.acknowledgedVotesLost > 0 || strong.votersWithTwoReceipts > 0)) process.exitCode = 1;
