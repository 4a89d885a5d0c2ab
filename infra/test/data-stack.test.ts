import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { createStacks } from "../lib/create-stacks";
import { parametersFor } from "../lib/parameters";

const template = Template.fromStack(createStacks(new App(), parametersFor("dev")).data);

describe("the data stack", () => {
  it("has the six data-plane tables, on demand, recoverable, protected and retained", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 6);
    template.allResourcesProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    const tables = template.findResources("AWS::DynamoDB::Table");
    for (const table of Object.values(tables)) expect(table.DeletionPolicy).toBe("Retain");
  });

  it("streams new votes to the aggregator, keyed one item per voter per election", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      TableName: "landslide-dev-votes",
      StreamSpecification: { StreamViewType: "NEW_IMAGE" },
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    });
  });

  it("expires single-use nonces with TTL", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      TableName: "landslide-dev-nonces",
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    });
    template.hasResourceProperties("AWS::DynamoDB::Table", { TableName: "landslide-dev-tallies", StreamSpecification: Match.absent() });
  });
});

describe("parameters", () => {
  it("refuse a replica in the primary region", () => {
    expect(() => parametersFor("prod", { replicaRegion: "eu-west-1" })).toThrow(/replicaRegion must differ from primaryRegion/);
  });

  it("refuse an unknown environment and a malformed account", () => {
    expect(() => parametersFor("qa")).toThrow(/env must be dev, staging or prod/);
    expect(() => parametersFor("dev", { account: "12" })).toThrow(/12-digit AWS account id/);
  });
});
