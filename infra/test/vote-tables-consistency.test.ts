import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { VoteTables, type VoteTablesProps } from "../lib/constructs/vote-tables";
import { mrscRegionSetOf, parametersFor } from "../lib/parameters";
import { prod } from "./support/prod";

/**
 * One vote per person across regions: the votes table is a multi-Region strongly consistent (MRSC)
 * global table, the others stay eventual (MREC) for the reasons vote-tables.ts gives, and no MRSC
 * table uses what DynamoDB refuses there: TTL, local secondary indexes, transactions.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html
 */

type GlobalTable = {
  Properties: {
    TableName: string;
    MultiRegionConsistency?: string;
    Replicas: { Region: string; PointInTimeRecoverySpecification?: unknown; DeletionProtectionEnabled?: boolean }[];
    GlobalTableWitnesses?: { Region: string }[];
    TimeToLiveSpecification?: unknown;
    LocalSecondaryIndexes?: unknown;
    StreamSpecification?: { StreamViewType: string };
  };
};

const tablesOf = (template: Template) =>
  Object.values(template.findResources("AWS::DynamoDB::GlobalTable") as Record<string, GlobalTable>).map(
    (t) => t.Properties,
  );
const regionsOf = (table: GlobalTable["Properties"]) => [
  ...table.Replicas.map((r) => r.Region),
  ...(table.GlobalTableWitnesses ?? []).map((w) => w.Region),
];

const { parameters } = prod;
const tables = tablesOf(prod.templates.data);
const named = (logical: string) => {
  const table = tables.find((t) => t.TableName === `${parameters.tablePrefix}-${logical}`);
  if (!table) throw new Error(`no ${logical} table in the data stack`);
  return table;
};

/** The VoteTables construct alone, in a stack in the primary region: cheap to build in other shapes. */
function voteTablesTemplate(overrides: Partial<VoteTablesProps>): Template {
  const stack = new Stack(new App(), "Tables", { env: { region: "eu-west-1" } });
  new VoteTables(stack, "VoteTables", {
    tablePrefix: "t",
    replicaRegion: "eu-central-1",
    votesConsistency: { mode: "STRONG", thirdRegion: "eu-west-2", thirdRegionRole: "witness" },
    ...overrides,
  });
  return Template.fromStack(stack);
}

describe("the votes table in production", () => {
  it("is multi-Region strongly consistent: two replicas and a witness, in one MRSC region set", () => {
    expect(parameters.votesConsistency).toEqual({
      mode: "STRONG",
      thirdRegion: "eu-west-2",
      thirdRegionRole: "witness",
    });
    prod.templates.data.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      TableName: "landslide-votes",
      MultiRegionConsistency: "STRONG",
      GlobalTableWitnesses: [{ Region: "eu-west-2" }],
    });
    const votes = named("votes");
    expect(votes.Replicas.map((r) => r.Region).sort()).toEqual(
      [parameters.primaryRegion, parameters.replicaRegion].sort(),
    );
    // Exactly three regions, all of one set (EU: Ireland, Frankfurt, London witness).
    const regions = regionsOf(votes);
    expect(new Set(regions).size).toBe(3);
    expect(new Set(regions.map(mrscRegionSetOf))).toEqual(new Set(["EU"]));
  });

  it("uses nothing MRSC refuses (TTL, local secondary indexes), and keeps its stream for the aggregator", () => {
    const votes = named("votes");
    expect(votes.TimeToLiveSpecification).toBeUndefined();
    expect(votes.LocalSecondaryIndexes).toBeUndefined();
    expect(votes.StreamSpecification).toEqual({ StreamViewType: "NEW_AND_OLD_IMAGES" });
    for (const replica of votes.Replicas) {
      expect(replica.PointInTimeRecoverySpecification, replica.Region).toMatchObject({
        PointInTimeRecoveryEnabled: true,
      });
      expect(replica.DeletionProtectionEnabled, replica.Region).toBe(true);
    }
  });
});

describe("the other data-plane tables", () => {
  it("stay multi-Region eventually consistent, and say so: one replica, no witness", () => {
    const others = tables.filter((t) => t.TableName !== "landslide-votes");
    expect(others.map((t) => t.TableName).sort()).toEqual(
      ["devices", "elections", "network-lists", "nonces", "tallies", "voter-rolls"].map((name) => `landslide-${name}`),
    );
    for (const table of others) {
      expect(table.MultiRegionConsistency, table.TableName).toBe("EVENTUAL");
      expect(table.GlobalTableWitnesses, table.TableName).toBeUndefined();
      expect(table.Replicas.map((r) => r.Region).sort(), table.TableName).toEqual(
        [parameters.primaryRegion, parameters.replicaRegion].sort(),
      );
    }
    // The nonces need TTL: the reason they cannot be MRSC.
    prod.templates.data.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      TableName: "landslide-nonces",
      MultiRegionConsistency: "EVENTUAL",
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    });
  });

  it("leave no strongly consistent table with TTL or local secondary indexes", () => {
    const strong = tables.filter((t) => t.MultiRegionConsistency === "STRONG");
    expect(strong.map((t) => t.TableName)).toEqual(["landslide-votes"]);
    for (const table of strong) {
      expect(table.TimeToLiveSpecification, table.TableName).toBeUndefined();
      expect(table.LocalSecondaryIndexes, table.TableName).toBeUndefined();
    }
  });
});

describe("transactions, which MRSC refuses at run time", () => {
  // Every DynamoDB transaction in the engine, and the tables it names. A new file that starts a
  // transaction fails this test until someone has checked that none of its tables is MRSC.
  const transactionTables: Record<string, readonly string[]> = {
    "adapters/dynamodb/tally-store.ts": ["tallies"],
    "adapters/dynamodb/device-store.ts": ["devices"],
    "adapters/dynamodb/voter-roll.ts": ["voter-rolls"],
  };
  const engineSource = fileURLToPath(new URL("../../packages/vote-engine/src/", import.meta.url));
  const sourceFiles = (readdirSync(engineSource, { recursive: true }) as string[])
    .map((file) => file.split("\\").join("/"))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));

  it("are issued only where known, against eventual tables only", () => {
    const transactional = sourceFiles.filter((file) =>
      /\bTransact(Write|Get)Items?Command\b|\bTransact(Write|Get)Command\b|\bExecuteTransactionCommand\b/.test(
        readFileSync(join(engineSource, file), "utf8"),
      ),
    );
    expect(transactional.sort()).toEqual(Object.keys(transactionTables).sort());
    for (const [file, logicalTables] of Object.entries(transactionTables))
      for (const logical of logicalTables)
        expect(named(logical).MultiRegionConsistency, `${file}: ${logical}`).toBe("EVENTUAL");
  });

  it("never name the votes table (the vote store writes one item at a time)", () => {
    const voteStore = readFileSync(join(engineSource, "adapters/dynamodb/vote-store.ts"), "utf8");
    expect(voteStore).not.toMatch(/Transact/);
    for (const file of Object.keys(transactionTables))
      expect(readFileSync(join(engineSource, file), "utf8"), file).not.toMatch(/\bvotes\b/);
  });
});

describe("the votes table's other shapes", () => {
  it("three full replicas when the third region is a replica", () => {
    const template = voteTablesTemplate({
      votesConsistency: { mode: "STRONG", thirdRegion: "eu-west-2", thirdRegionRole: "replica" },
    });
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      TableName: "t-votes",
      MultiRegionConsistency: "STRONG",
      GlobalTableWitnesses: Match.absent(),
    });
    const votes = tablesOf(template).find((t) => t.TableName === "t-votes")!;
    expect(votes.Replicas.map((r) => r.Region).sort()).toEqual(["eu-central-1", "eu-west-1", "eu-west-2"]);
  });

  it("eventual, with one replica and no witness, for a deployment not yet migrated", () => {
    const template = voteTablesTemplate({ votesConsistency: { mode: "EVENTUAL" } });
    template.hasResourceProperties("AWS::DynamoDB::GlobalTable", {
      TableName: "t-votes",
      MultiRegionConsistency: "EVENTUAL",
      GlobalTableWitnesses: Match.absent(),
      Replicas: [Match.objectLike({ Region: "eu-central-1" }), Match.objectLike({ Region: "eu-west-1" })],
    });
    expect(tablesOf(template).every((t) => t.MultiRegionConsistency === "EVENTUAL")).toBe(true);
  });
});

describe("the votes consistency parameters", () => {
  it("default to STRONG with a London witness in every environment", () => {
    for (const env of ["dev", "staging", "prod"])
      expect(parametersFor(env).votesConsistency, env).toEqual({
        mode: "STRONG",
        thirdRegion: "eu-west-2",
        thirdRegionRole: "witness",
      });
  });

  it("refuse regions outside one MRSC region set, and a third region that repeats another", () => {
    expect(() =>
      parametersFor("prod", {
        votesConsistency: { mode: "STRONG", thirdRegion: "us-east-1", thirdRegionRole: "witness" },
      }),
    ).toThrow(/one MRSC Region set .*EU: eu-west-1, eu-west-2, eu-west-3, eu-central-1/);
    expect(() =>
      parametersFor("prod", {
        primaryRegion: "eu-north-1",
        availabilityZones: ["eu-north-1a", "eu-north-1b", "eu-north-1c"],
      }),
    ).toThrow(/one MRSC Region set/);
    expect(() =>
      parametersFor("prod", {
        votesConsistency: { mode: "STRONG", thirdRegion: "eu-central-1", thirdRegionRole: "replica" },
      }),
    ).toThrow(/thirdRegion must differ from primaryRegion and replicaRegion/);
  });

  it("allow any replica region when the votes table stays eventual", () => {
    expect(
      parametersFor("prod", { replicaRegion: "eu-north-1", votesConsistency: { mode: "EVENTUAL" } }).votesConsistency,
    ).toEqual({ mode: "EVENTUAL" });
  });
});
