import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { Errors } from "@oclif/core";
import { EXIT } from "../public-client";

/** One stack as the CDK app made it (infra/lib/synthesize.ts). */
export interface SynthesizedStack {
  readonly name: string;
  readonly region: string;
  readonly templatePath: string;
  readonly dependsOn: readonly string[];
}

export interface Synthesis {
  readonly outdir: string;
  readonly stacks: readonly SynthesizedStack[];
  readonly durationMs: number;
}

export interface SynthesisRequest {
  readonly env: string;
  readonly outdir: string;
  readonly account?: string;
  readonly imageTag?: string;
}

/**
 * The repository's `infra/` folder: beside `apps/`, two levels above the CLI's own folder. The
 * built CLI's root is its `dist/` folder, one level further down.
 */
export function infraFolder(cliRoot: string): string {
  const cliFolder = basename(cliRoot) === "dist" ? dirname(cliRoot) : cliRoot;
  const folder = resolve(cliFolder, "..", "..", "infra");
  if (!existsSync(resolve(folder, "bin", "synth.ts")))
    throw new Errors.CLIError(
      `There is no CDK app at ${folder}: run this from a checkout of the Landslide repository.`,
      { exit: EXIT.failed },
    );
  return folder;
}

/**
 * Runs the CDK app (infra/bin/synth.ts) in its own process, as `cdk synth` would, and reads what
 * it made. The CLI never imports the app: infrastructure code stays out of the operator's tool,
 * and the app's own checks (parameters, cdk-nag) speak through its exit code and message.
 */
export function synthesizeInfra(infra: string, request: SynthesisRequest): Promise<Synthesis> {
  const args = ["--import", "tsx", resolve(infra, "bin", "synth.ts"), "--env", request.env, "--outdir", request.outdir];
  if (request.account) args.push("--account", request.account);
  if (request.imageTag) args.push("--image-tag", request.imageTag);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: infra, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", fail);
    child.once("close", (code) => {
      if (code === 0) return done(JSON.parse(stdout) as Synthesis);
      const message =
        stderr
          .trim()
          .split("\n")
          .filter((line) => !/Warning|warning/.test(line))
          .join(" ")
          .slice(0, 2000) || `the CDK app exited with ${code}`;
      fail(new Errors.CLIError(message, { exit: code === 2 ? EXIT.usage : EXIT.failed }));
    });
  });
}

/** The templates already in an output folder from an earlier synthesis, by stack name (none when it is empty). */
export function readTemplates(outdir: string): Map<string, Record<string, unknown>> {
  const templates = new Map<string, Record<string, unknown>>();
  const manifestPath = resolve(outdir, "manifest.json");
  if (!existsSync(manifestPath)) return templates;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    artifacts?: Record<string, { type: string; properties?: { templateFile?: string; stackName?: string } }>;
  };
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type !== "aws:cloudformation:stack" || !artifact.properties?.templateFile) continue;
    const path = resolve(outdir, artifact.properties.templateFile);
    if (existsSync(path))
      templates.set(
        artifact.properties.stackName ?? id,
        JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>,
      );
  }
  return templates;
}
