import { RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import {
  FlowLogDestination,
  FlowLogTrafficType,
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  IpAddresses,
  Peer,
  Port,
  SubnetType,
  Vpc,
  type IVpc,
} from "aws-cdk-lib/aws-ec2";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { acknowledgeFindings } from "../nag";
import type { Parameters } from "../parameters";

export interface NetworkStackProps extends StackProps {
  readonly parameters: Parameters;
}

/** Subnet group names, referenced by the stacks that place resources in them. */
export const subnetGroups = {
  /** NAT gateways only: nothing of ours takes a public address. */
  public: "public",
  /** Fargate tasks and the internal load balancers. /20 per zone: 4,091 addresses, room for 240 vote API tasks and the rest in one zone. */
  services: "services",
  /** Aurora: no route to the internet at all. */
  data: "data",
} as const;

/**
 * The VPC over three availability zones. Data-plane traffic stays on AWS's network: gateway
 * endpoints for DynamoDB and S3 (free, and they carry the vote path), interface endpoints for
 * pulling images, writing logs, reading secrets and sending to SQS. NAT remains for what has no
 * endpoint (DynamoDB Streams, Cognito's JWKS, a hosted human check).
 */
export class NetworkStack extends Stack {
  readonly vpc: IVpc;
  private readonly zones: string[];

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    const { parameters } = props;
    this.zones = parameters.availabilityZones;

    const flowLogs = new LogGroup(this, "FlowLogs", {
      retention: parameters.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const vpc = new Vpc(this, "Vpc", {
      ipAddresses: IpAddresses.cidr(parameters.vpcCidr),
      // Named, not looked up: synthesis stays offline and the zones never move under a deployed VPC.
      availabilityZones: parameters.availabilityZones,
      natGateways: parameters.natGateways,
      subnetConfiguration: [
        { name: subnetGroups.public, subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        { name: subnetGroups.services, subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: subnetGroups.data, subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // The default security group is unused; stripping its rules keeps anything attached to it by mistake isolated.
      restrictDefaultSecurityGroup: true,
      flowLogs: {
        all: { destination: FlowLogDestination.toCloudWatchLogs(flowLogs), trafficType: FlowLogTrafficType.ALL },
      },
      gatewayEndpoints: {
        DynamoDb: { service: GatewayVpcEndpointAwsService.DYNAMODB },
        S3: { service: GatewayVpcEndpointAwsService.S3 },
      },
    });
    this.vpc = vpc;
    acknowledgeFindings(vpc, {
      "CloudFormation-Validate::W3010":
        "The zones are named on purpose (parameters.availabilityZones): synthesis needs no lookup, and a deployed subnet must never move to another zone.",
    });

    const interfaceEndpoints: Record<string, InterfaceVpcEndpointAwsService> = {
      // ECR needs both its API and the registry (layers themselves come through the S3 gateway).
      EcrApi: InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: InterfaceVpcEndpointAwsService.ECR_DOCKER,
      Logs: InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      SecretsManager: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      // The aggregator's dead-letter queue.
      Sqs: InterfaceVpcEndpointAwsService.SQS,
    };
    for (const [endpointId, service] of Object.entries(interfaceEndpoints)) {
      const endpoint = vpc.addInterfaceEndpoint(endpointId, {
        service,
        subnets: { subnetGroupName: subnetGroups.services },
        privateDnsEnabled: true,
        open: false,
      });
      // HTTPS from inside the VPC only (the literal range, which cdk-nag can check, not a token).
      endpoint.connections.allowFrom(Peer.ipv4(parameters.vpcCidr), Port.tcp(443), "HTTPS from the VPC");
    }
  }

  /**
   * The zones the parameters name. With an account set, Stack would otherwise look them up
   * (a context lookup needing credentials) just to check the VPC's zones against them.
   */
  override get availabilityZones(): string[] {
    return this.zones;
  }
}
