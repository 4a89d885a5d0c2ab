import { resolve } from "node:path";
import { Flags } from "@oclif/core";
import { BaseCommand } from "../base-command";
import { withSpinner } from "../spinner";
import { infraFolder, readTemplates, type Synthesis, synthesizeInfra } from "./infra-app";
import { diffStacks, type StackChange } from "./template-diff";

/** What `election synth` and `election deploy` share: the environment, where templates go, and the synthesis with its diff. */
export abstract class InfraCommand extends BaseCommand {
  static override baseFlags = {
    env: Flags.option({
      options: ["dev", "staging", "prod"] as const,
      default: "dev",
      description: "the environment (its parameters are in infra/lib/parameters.ts)",
    })(),
    output: Flags.string({ char: "o", description: "where the templates go (default: infra/cdk.out/<env>)" }),
    "image-tag": Flags.string({ description: "the container image tag to run (default: the environment's)" }),
    account: Flags.string({ description: "the 12-digit AWS account to deploy into (default: the credentials')" }),
    diff: Flags.boolean({
      description: "show what changes against the templates synthesized before (on stderr under --json)",
    }),
  };

  /** Synthesizes every stack (spinner on stderr), and with --diff compares each template with the one it replaces. */
  protected async synthesize(flags: {
    env: string;
    output?: string;
    "image-tag"?: string;
    account?: string;
    diff: boolean;
  }): Promise<{ synthesis: Synthesis; changes: StackChange[] | undefined }> {
    const infra = infraFolder(this.config.root);
    const outdir = resolve(flags.output ?? resolve(infra, "cdk.out", flags.env));
    const before = flags.diff ? readTemplates(outdir) : new Map();
    const synthesis = await withSpinner(`Synthesizing the ${flags.env} stacks (cdk-nag checks included)`, () =>
      synthesizeInfra(infra, {
        env: flags.env,
        outdir,
        ...(flags.account ? { account: flags.account } : {}),
        ...(flags["image-tag"] ? { imageTag: flags["image-tag"] } : {}),
      }),
    );
    const changes = flags.diff
      ? diffStacks(before, synthesis.stacks, this.jsonEnabled() ? process.stderr : process.stdout)
      : undefined;
    return { synthesis, changes };
  }
}
