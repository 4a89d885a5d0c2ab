import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { json, oneLine } from "./cli-deployment";
import { runCli } from "./run-cli";

/**
 * `election synth` and `election deploy` on a machine with no AWS account: the CDK app in infra/
 * synthesizes every stack offline (cdk-nag included), a second synthesis diffs against the first,
 * and deploy says what is missing instead of failing somewhere inside the CDK.
 */

const scratch = mkdtempSync(join(tmpdir(), "landslide-infra-cli-"));
const outdir = join(scratch, "cdk.out");
// No credentials anywhere the AWS SDK looks: no variables, an empty home, no instance metadata.
const env = { HOME: scratch, AWS_EC2_METADATA_DISABLED: "true", ELECTION_CONFIG_DIR: join(scratch, "config") };
const election = (args: readonly string[]) => runCli(args, env);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface SynthReport {
  env: string;
  outdir: string;
  durationMs: number;
  stacks: Array<{
    name: string;
    region: string;
    templatePath: string;
    dependsOn: string[];
    change?: string;
    differences?: number;
  }>;
}

describe("election synth", () => {
  it("synthesizes every stack offline in deployment order; a second run diffs against the first, and a new image tag changes only the services", async () => {
    const first = await election(["synth", "--env", "dev", "--output", outdir, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const report = json<SynthReport>(first);
    expect(report.stacks.map((s) => s.name).sort()).toEqual(
      ["Data", "Edge", "Identity", "Network", "Observability", "Registry", "Services"]
        .map((name) => `Landslide-dev-${name}`)
        .sort(),
    );
    for (const stack of report.stacks) {
      expect(existsSync(stack.templatePath), stack.templatePath).toBe(true);
      // Deployment order: whatever a stack needs comes before it.
      for (const needed of stack.dependsOn)
        expect(report.stacks.findIndex((s) => s.name === needed)).toBeLessThan(report.stacks.indexOf(stack));
    }
    expect(report.stacks.find((s) => s.name === "Landslide-dev-Edge")?.region).toBe("us-east-1");
    expect(report.durationMs).toBeLessThan(120_000);

    const same = await election(["synth", "--env", "dev", "--output", outdir, "--diff"]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/^7 stacks synthesized to .* in [\d.]+ s, cdk-nag clean:$/m);
    expect(same.stdout).toMatch(/^Landslide-dev-Services +\S+ +unchanged /m);

    const retagged = await election([
      "synth",
      "--env",
      "dev",
      "--output",
      outdir,
      "--diff",
      "--image-tag",
      "2026.12.01",
      "--json",
    ]);
    expect(retagged.code, retagged.stderr).toBe(0);
    const changes = Object.fromEntries(json<SynthReport>(retagged).stacks.map((s) => [s.name, s.change]));
    expect(changes["Landslide-dev-Services"]).toBe("changed");
    expect(changes["Landslide-dev-Data"]).toBe("unchanged");
    expect(retagged.stderr).toContain("Stack Landslide-dev-Services (changed)");
    const template = readFileSync(
      json<SynthReport>(retagged).stacks.find((s) => s.name === "Landslide-dev-Services")!.templatePath,
      "utf8",
    );
    expect(template).toContain("2026.12.01");
  }, 180_000);

  it("refuses an unknown environment and a bad image tag as usage errors", async () => {
    const [unknown, badTag] = await Promise.all([
      election(["synth", "--env", "qa"]),
      election(["synth", "--output", join(scratch, "bad"), "--image-tag", "no tags/with slashes"]),
    ]);
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr)).toMatch(/Expected --env=qa to be one of: dev, staging, prod/);
    expect(badTag.code).toBe(2);
    expect(oneLine(badTag.stderr)).toMatch(/imageTag must be a Docker tag/);
  }, 120_000);
});

describe("election deploy", () => {
  it("without AWS credentials says what is missing (exit 3), and with --diff still shows what would change", async () => {
    const [bare, withDiff] = await Promise.all([
      election(["deploy", "--env", "dev", "--output", outdir]),
      election(["deploy", "--env", "dev", "--output", outdir, "--diff", "--json"]),
    ]);
    expect(bare.code).toBe(3);
    expect(oneLine(bare.stderr)).toMatch(
      /No AWS credentials found: set AWS_PROFILE .* 'election synth' works without them\./,
    );
    expect(withDiff.code).toBe(3);
    expect(json<{ error: { message: string } }>(withDiff).error.message).toMatch(
      /No AWS credentials found: .* The templates are in /,
    );
  }, 120_000);
});
