import type { App, Environment } from "aws-cdk-lib";
import { EDGE_REGION, type Parameters } from "./parameters";
import { DataStack } from "./stacks/data-stack";
import { EdgeStack, type PublicServiceName } from "./stacks/edge-stack";
import { IdentityStack } from "./stacks/identity-stack";
import { NetworkStack } from "./stacks/network-stack";
import { ObservabilityStack } from "./stacks/observability-stack";
import { RegistryStack } from "./stacks/registry-stack";
import { ServicesStack } from "./stacks/services-stack";

export interface LandslideStacks {
  readonly network: NetworkStack;
  readonly data: DataStack;
  readonly identity: IdentityStack;
  readonly registry: RegistryStack;
  readonly services: ServicesStack;
  readonly edge: EdgeStack;
  readonly observability: ObservabilityStack;
}

/**
 * Every stack of one environment, split by lifecycle: the network and the data outlive
 * everything; identity outlives the services (a pool cannot be recreated without losing every
 * account); registries exist before images are pushed; services change with every release; the
 * edge lives in us-east-1 because CloudFront takes its WAF and certificate only from there.
 * Deploy order follows the dependencies: network → data, identity, registry → services → edge, observability.
 */
export function createStacks(app: App, parameters: Parameters): LandslideStacks {
  const account = parameters.account ? { account: parameters.account } : {};
  const primary: Environment = { region: parameters.primaryRegion, ...account };
  const prefix = `Landslide-${parameters.envName}`;
  const tags = { project: "landslide", environment: parameters.envName };

  const network = new NetworkStack(app, `${prefix}-Network`, {
    env: primary,
    tags,
    parameters,
    description: "Landslide: VPC, endpoints, flow logs",
  });
  const data = new DataStack(app, `${prefix}-Data`, {
    env: primary,
    tags,
    parameters,
    vpc: network.vpc,
    description: "Landslide: DynamoDB global tables, audit archive, Aurora control plane, deployment keys",
  });
  const identity = new IdentityStack(app, `${prefix}-Identity`, {
    env: primary,
    tags,
    parameters,
    description: "Landslide: Cognito user pool, groups, app clients, sign-up ticket check",
  });
  const registry = new RegistryStack(app, `${prefix}-Registry`, {
    env: primary,
    tags,
    parameters,
    description: "Landslide: container registries",
  });
  const services = new ServicesStack(app, `${prefix}-Services`, {
    env: primary,
    tags,
    parameters,
    vpc: network.vpc,
    data,
    directory: identity.directory,
    signUpTicketKey: identity.signUpTickets.key,
    repositories: registry.repositories,
    // The edge stack (us-east-1) reads the load balancers' ARNs and names from here.
    crossRegionReferences: true,
    description: "Landslide: ECS Fargate services, internal load balancers, autoscaling",
  });
  // Every service but the aggregator is public (it has no load balancer).
  const publicLoadBalancer = (name: PublicServiceName) => {
    const loadBalancer = services.services[name].loadBalancer;
    if (!loadBalancer) throw new Error(`${name} has a public path but no load balancer`);
    return loadBalancer;
  };
  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    env: { region: EDGE_REGION, ...account },
    tags,
    parameters,
    crossRegionReferences: true,
    loadBalancers: {
      voteApi: publicLoadBalancer("voteApi"),
      controlApi: publicLoadBalancer("controlApi"),
      results: publicLoadBalancer("results"),
      voterWeb: publicLoadBalancer("voterWeb"),
      console: publicLoadBalancer("console"),
    },
    description: "Landslide: CloudFront distributions and the WAF (us-east-1)",
  });
  const observability = new ObservabilityStack(app, `${prefix}-Observability`, {
    env: primary,
    tags,
    parameters,
    data,
    services,
    description: "Landslide: alarms, alarm topic, dashboard",
  });
  return { network, data, identity, registry, services, edge, observability };
}
