import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { prod } from "./support/prod";

const { templates, parameters } = prod;
const template = templates.network;

describe("the network stack", () => {
  it("spans the three named zones with public, service and isolated data subnets", () => {
    const subnets = Object.values(template.findResources("AWS::EC2::Subnet")).map(
      (s) => s.Properties as { AvailabilityZone: string },
    );
    expect(subnets).toHaveLength(9);
    expect(new Set(subnets.map((s) => s.AvailabilityZone))).toEqual(new Set(parameters.availabilityZones));
    template.resourceCountIs("AWS::EC2::NatGateway", parameters.natGateways);
    template.hasResourceProperties("AWS::EC2::VPC", { CidrBlock: parameters.vpcCidr });
  });

  it("reaches DynamoDB and S3 through gateway endpoints, and ECR, Logs, Secrets Manager, SQS through interface endpoints", () => {
    const endpoints = Object.values(template.findResources("AWS::EC2::VPCEndpoint")).map(
      (e) => e.Properties as { ServiceName: unknown; VpcEndpointType?: string; PrivateDnsEnabled?: boolean },
    );
    const gateways = endpoints.filter((e) => e.VpcEndpointType === "Gateway").map((e) => JSON.stringify(e.ServiceName));
    expect(gateways.some((n) => n.includes("dynamodb"))).toBe(true);
    expect(gateways.some((n) => n.includes(".s3"))).toBe(true);
    const interfaces = endpoints.filter((e) => e.VpcEndpointType === "Interface");
    expect(interfaces.map((e) => String(e.ServiceName)).sort()).toEqual(
      ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sqs"]
        .map((s) => `com.amazonaws.${parameters.primaryRegion}.${s}`)
        .sort(),
    );
    for (const endpoint of interfaces) expect(endpoint.PrivateDnsEnabled).toBe(true);
    // Only HTTPS from inside the VPC reaches them.
    template.hasResourceProperties("AWS::EC2::SecurityGroup", {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: parameters.vpcCidr, FromPort: 443, ToPort: 443 })],
    });
  });

  it("logs every flow", () => {
    template.hasResourceProperties("AWS::EC2::FlowLog", { TrafficType: "ALL", LogDestinationType: "cloud-watch-logs" });
  });
});
