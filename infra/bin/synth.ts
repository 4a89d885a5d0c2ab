#!/usr/bin/env node
/**
 * One environment's templates, and what was made, as one JSON document on stdout: the entry
 * `election synth` and `election deploy` run (the CLI does not import the CDK app; it runs it).
 * Exit 2 on invalid parameters, 1 on any other failure (a cdk-nag finding included).
 */
import { parseArgs } from "node:util";
import { mailFrom } from "../lib/parameters";
import { synthesize } from "../lib/synthesize";

const { values } = parseArgs({
  options: {
    env: { type: "string", default: "dev" },
    outdir: { type: "string" },
    account: { type: "string" },
    "image-tag": { type: "string" },
    "mail-domain": { type: "string" },
  },
});

try {
  const result = synthesize({
    env: values.env,
    ...(values.outdir ? { outdir: values.outdir } : {}),
    overrides: {
      ...(values.account ? { account: values.account } : {}),
      ...(values["image-tag"] ? { imageTag: values["image-tag"] } : {}),
      ...(values["mail-domain"] ? { mail: mailFrom(values["mail-domain"]) } : {}),
    },
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = message.startsWith("Invalid infrastructure parameters") ? 2 : 1;
}
