import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, type Stack } from "aws-cdk-lib";
import { CfnScalableTarget } from "aws-cdk-lib/aws-applicationautoscaling";
import type { Template } from "aws-cdk-lib/assertions";
import { createStacks, type LandslideStacks } from "../../lib/create-stacks";
import { parametersFor, type Parameters, type ServiceName } from "../../lib/parameters";
import { templateOf } from "./template";

export type StackKey = keyof LandslideStacks;

export interface Synthesized {
  readonly app: App;
  readonly parameters: Parameters;
  readonly stacks: LandslideStacks;
  readonly templates: Record<StackKey, Template>;
}

/**
 * Builds every stack of an environment and synthesizes the app ONCE; each test file calls this
 * once at its top and shares the templates (Template.fromStack would synthesize again per stack).
 * CDK's built-in CloudFormation schema validation is left to `synthesize()` (synthesize.test.ts):
 * it costs seconds per synthesis and checks the schema, not our intent.
 * `mutate` runs between building and synthesizing: the tests that prove an assertion can fail use it.
 */
export function synthesizeStacks(
  envName = "prod",
  overrides: Partial<Parameters> = {},
  mutate?: (stacks: LandslideStacks) => void,
): Synthesized {
  const app = new App({
    builtinCloudFormationValidation: false,
    outdir: mkdtempSync(join(tmpdir(), "landslide-test-")),
  });
  const parameters = parametersFor(envName, overrides);
  const stacks = createStacks(app, parameters);
  mutate?.(stacks);
  const assembly = app.synth();
  const templates = Object.fromEntries(
    stackEntries(stacks).map(([key, stack]) => [key, templateOf(assembly, stack.stackName)]),
  ) as Record<StackKey, Template>;
  // The templates are in memory now; the temporary cloud assembly can go.
  rmSync(assembly.directory, { recursive: true, force: true });
  return { app, parameters, stacks, templates };
}

/** Each stack with its key: Object.entries of an interface gives `any` for the values. */
export function stackEntries(stacks: LandslideStacks): Array<[StackKey, Stack]> {
  return Object.entries(stacks) as Array<[StackKey, Stack]>;
}

/** The logical id of a construct's CloudFormation resource (its default child), as the template names it. */
export function logicalIdOf(construct: { node: { defaultChild?: unknown } } | object): string {
  const node = (construct as { node: { defaultChild?: unknown } }).node;
  const element = (node.defaultChild ?? construct) as { logicalId: string; stack: Stack };
  return element.stack.resolve(element.logicalId) as string;
}

type Json = Record<string, unknown>;

export interface PolicyStatementJson {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** Every Allow statement of every policy attached to a role (by the role's logical id). */
export function statementsOfRole(template: Template, roleLogicalId: string): PolicyStatementJson[] {
  const policies = template.findResources("AWS::IAM::Policy") as Record<
    string,
    { Properties: { Roles: Json[]; PolicyDocument: { Statement: PolicyStatementJson[] } } }
  >;
  return Object.values(policies)
    .filter((policy) => policy.Properties.Roles.some((role) => role.Ref === roleLogicalId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
    .filter((statement) => statement.Effect === "Allow");
}

export const actionsOf = (statements: PolicyStatementJson[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

/** Each service's scalable target, by logical id in the services template. */
export function scalableTargetIds(stacks: LandslideStacks): Record<ServiceName, string> {
  return Object.fromEntries(
    Object.entries(stacks.services.services).map(([name, service]) => {
      const target = service.scaling.node.findAll().find((c) => c instanceof CfnScalableTarget);
      if (!target) throw new Error(`${name} has no scalable target`);
      return [name, logicalIdOf(target)];
    }),
  ) as Record<ServiceName, string>;
}
