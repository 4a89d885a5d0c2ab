import type { App } from "aws-cdk-lib";
import type { Parameters } from "./parameters";
import { DataStack } from "./stacks/data-stack";

/** Every stack of one environment. Later stacks (network, identity, services, edge) join here. */
export function createStacks(app: App, parameters: Parameters) {
  const env = { region: parameters.primaryRegion, ...(parameters.account ? { account: parameters.account } : {}) };
  const data = new DataStack(app, `Landslide-${parameters.envName}-Data`, { env, parameters });
  return { data };
}
