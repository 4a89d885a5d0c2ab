import { Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";

/** A synthesized stack's template: the cloud assembly types it `any`, and CloudFormation's is a JSON object. */
export function templateOf(assembly: CloudAssembly, stackName: string): Template {
  return Template.fromJSON(assembly.getStackByName(stackName).template as Record<string, unknown>);
}
