import { join } from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { CloudFormationStackArtifact } from "aws-cdk-lib/cx-api";
import { AwsSolutionsChecks } from "cdk-nag";
import { createStacks } from "./create-stacks";
import { parametersFor, type Parameters } from "./parameters";

export interface SynthesizeOptions {
  /** dev, staging or prod. */
  readonly env: string;
  /** Where the cloud assembly goes (created if missing). Default `cdk.out`. */
  readonly outdir?: string;
  /** Overrides of the environment's parameters (account, image tag, hostnames...); validated. */
  readonly overrides?: Partial<Parameters>;
  /** Run cdk-nag's AWS Solutions checks; synthesis fails on any unacknowledged finding. Default true. */
  readonly checks?: boolean;
}

export interface SynthesizedStack {
  /** The CloudFormation stack name, e.g. Landslide-prod-Data. */
  readonly name: string;
  readonly region: string;
  /** Absolute path of the synthesized template. */
  readonly templatePath: string;
  /** Stack names this one must be deployed after. */
  readonly dependsOn: readonly string[];
}

export interface SynthesisResult {
  readonly outdir: string;
  readonly parameters: Parameters;
  /** In deployment order. */
  readonly stacks: readonly SynthesizedStack[];
  readonly durationMs: number;
}

/**
 * Synthesizes every stack of one environment to CloudFormation templates, offline (no AWS
 * credentials, no context lookups, no Docker). What `election synth` and `election deploy`
 * build on: deploy the templates in the order returned (`cdk deploy --app <outdir>` does so).
 * Throws a readable error on invalid parameters, and a cdk-nag report on unacknowledged findings.
 */
export function synthesize(options: SynthesizeOptions): SynthesisResult {
  const started = performance.now();
  const parameters = parametersFor(options.env, options.overrides);
  const app = new App({
    outdir: options.outdir ?? "cdk.out",
    context: {
      env: parameters.envName,
      // Strong references (CloudFormation exports): a stack cannot delete what another still uses,
      // which is what keeps the data stack's tables under a running services stack.
      "@aws-cdk/core:defaultCrossStackReferences": "strong",
    },
    // We synthesize explicitly; under the cdk CLI an auto-synth at exit would do it twice.
    autoSynth: false,
  });
  if (options.checks ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  createStacks(app, parameters);
  const assembly = app.synth();
  const stacks = assembly.stacksRecursively.map((stack) => ({
    name: stack.stackName,
    region: stack.environment.region,
    templatePath: join(assembly.directory, stack.templateFile),
    // Stack dependencies only (the assembly also lists each stack's asset manifest).
    dependsOn: stack.dependencies
      .filter((dependency) => dependency instanceof CloudFormationStackArtifact)
      .map((dependency) => dependency.stackName),
  }));
  return { outdir: assembly.directory, parameters, stacks, durationMs: Math.round(performance.now() - started) };
}
