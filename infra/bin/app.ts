#!/usr/bin/env node
import { App } from "aws-cdk-lib";
import { mailFrom } from "../lib/parameters";
import { synthesize } from "../lib/synthesize";

// Synthesizes offline (no lookups, no Docker): `npm run build -w @landslide/infra` writes cdk.out/,
// and `cdk synth|deploy -c env=prod` runs this same file. Context: env, account, imageTag, mailDomain
// (the notifications' sending domain; each environment has a default in lib/parameters.ts).
// autoSynth off: under the cdk CLI this App would otherwise write an empty assembly over ours at exit.
const context = new App({ autoSynth: false }).node;
const result = synthesize({
  env: String(context.tryGetContext("env") ?? "dev"),
  outdir: process.env.CDK_OUTDIR ?? "cdk.out",
  overrides: {
    ...(context.tryGetContext("account") ? { account: String(context.tryGetContext("account")) } : {}),
    ...(context.tryGetContext("imageTag") ? { imageTag: String(context.tryGetContext("imageTag")) } : {}),
    ...(context.tryGetContext("mailDomain") ? { mail: mailFrom(String(context.tryGetContext("mailDomain"))) } : {}),
  },
});
console.error(
  `synthesized ${result.stacks.length} stacks (${result.parameters.envName}) to ${result.outdir} in ${(result.durationMs / 1000).toFixed(1)} s`,
);
