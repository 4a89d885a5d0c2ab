import { Stack, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
// cdk-nag's own renderer of CloudFormation references, so an acknowledgement's id matches its finding's.
import { flattenCfnReference } from "cdk-nag/lib/utils/flatten-cfn-reference.js";
import type { IConstruct } from "constructs";

/**
 * cdk-nag v3 reads acknowledgements from CDK's own `Validations` metadata (v2's NagSuppressions
 * is gone). Each acknowledgement names one finding and says why it does not apply; it sits next
 * to the construct it is about, never on a whole stack.
 */
export function acknowledgeFindings(scope: IConstruct, findings: Readonly<Record<string, string>>): void {
  for (const [id, reason] of Object.entries(findings)) Validations.of(scope).acknowledge({ id, reason });
}

export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
  readonly description: string;
}

/** Every unacknowledged AWS Solutions finding (errors and warnings) under a scope, after synthesis. */
export function awsSolutionsFindings(scope: IConstruct): NagFinding[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      rule: violation.ruleName,
      severity: String(violation.severity ?? ""),
      path: resource.constructPath ?? resource.resourceLogicalId ?? "(unknown)",
      description: violation.description,
    })),
  );
}

export interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** The acknowledgements recorded under a scope, for review (and for the test that each has a reason). */
export function acknowledgements(scope: IConstruct): Acknowledgement[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      // Each entry is `{ "<plugin>::<rule id>": reason }`.
      .flatMap((entry) => Object.entries((entry.data ?? {}) as Record<string, unknown>))
      .map(([id, reason]) => ({ path: construct.node.path, id, reason: String(reason) })),
  );
}

/**
 * The id cdk-nag gives a wildcard-resource finding (AwsSolutions-IAM5[Resource::...]) for a
 * resource string built in `scope`'s stack, rendered the way cdk-nag renders it. Only for
 * strings with no cross-stack reference in them (those render differently once imported).
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}
