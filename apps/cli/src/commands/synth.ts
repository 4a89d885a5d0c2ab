import { ux } from "@oclif/core";
import { count, table } from "../lib/format";
import { InfraCommand } from "../lib/infra/infra-command";

export default class Synth extends InfraCommand {
  static override summary = "Synthesize the AWS deployment's CloudFormation templates, offline.";
  static override description = [
    "Runs the CDK app in infra/ for one environment: every stack (network, data, identity, registry, services, edge, observability) with cdk-nag's AWS Solutions checks, which fail the synthesis on any finding not acknowledged in the code. Needs no AWS credentials, no Docker and no network.",
    "With --diff, each template is compared with the one synthesized before into the same folder, with the CloudFormation diff `cdk diff` prints.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %>",
    "<%= config.bin %> <%= command.id %> --env prod --diff",
    "<%= config.bin %> <%= command.id %> --env staging --image-tag 2026.11.30 --json",
  ];

  async run() {
    const { flags } = await this.parse(Synth);
    const { synthesis, changes } = await this.synthesize(flags);
    const stacks = synthesis.stacks.map((stack) => {
      const change = changes?.find((c) => c.stack === stack.name);
      return { ...stack, ...(change ? { change: change.change, differences: change.differences } : {}) };
    });
    if (!this.jsonEnabled()) {
      this.log(
        `${count(stacks.length, "stack")} synthesized to ${synthesis.outdir} in ${(synthesis.durationMs / 1000).toFixed(1)} s, cdk-nag clean:`,
      );
      ux.stdout(
        table(stacks, [
          { header: "STACK", value: (s) => s.name },
          { header: "REGION", value: (s) => s.region },
          ...(changes
            ? [
                {
                  header: "CHANGE",
                  value: (s: (typeof stacks)[number]) =>
                    s.change === "changed" ? `changed (${s.differences})` : (s.change ?? ""),
                },
              ]
            : []),
          { header: "AFTER", value: (s) => s.dependsOn.join(", ") || "—" },
        ]),
      );
    }
    return { env: flags.env, outdir: synthesis.outdir, durationMs: synthesis.durationMs, stacks };
  }
}
