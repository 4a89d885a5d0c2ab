import { RemovalPolicy } from "aws-cdk-lib";
import {
  AttributeType,
  Billing,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
  type TablePropsV2,
} from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";

export interface WarmThroughput {
  readonly readUnitsPerSecond: number;
  readonly writeUnitsPerSecond: number;
}

export interface VoteTablesProps {
  readonly tablePrefix: string;
  /** The second region every table is replicated to (a global table), so a region's loss loses no vote. */
  readonly replicaRegion: string;
  /** Pre-warmed capacity for the two tables every cast writes (production). */
  readonly warmThroughput?: { readonly votes: WarmThroughput; readonly nonces: WarmThroughput };
}

/** The nonces table's name, which the identity stack's pre-sign-up Lambda writes to without a cross-stack reference. */
export const noncesTableName = (tablePrefix: string) => `${tablePrefix}-nonces`;

/**
 * The data plane tables, the same eight as packages/vote-engine/src/adapters/dynamodb/tables.ts
 * creates locally. Global tables (one replica in a second region), on-demand, recoverable to
 * any second of the last 35 days in both regions, never deleted by a stack update.
 */
export class VoteTables extends Construct {
  readonly votes: TableV2;
  readonly tallies: TableV2;
  readonly nonces: TableV2;
  readonly devices: TableV2;
  readonly deadLetters: TableV2;
  readonly voterRolls: TableV2;
  readonly elections: TableV2;
  readonly networkLists: TableV2;

  constructor(scope: Construct, id: string, props: VoteTablesProps) {
    super(scope, id);
    const common: Omit<TablePropsV2, "partitionKey"> = {
      billing: Billing.onDemand(),
      // The AWS managed key works in both regions without a key per replica to manage; table data
      // is pseudonymous (voter keys are HMACs) and the ballot itself is what the count publishes.
      encryption: TableEncryptionV2.awsManagedKey(),
      // Applies to every replica: each region can restore on its own.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      replicas: [{ region: props.replicaRegion }],
      // Replication needs a stream on every table; NEW_AND_OLD_IMAGES is what global tables use.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
    };
    const pk = { name: "pk", type: AttributeType.STRING };
    const sk = { name: "sk", type: AttributeType.STRING };

    // PK ELECTION#<id>#VOTER#<voterKey>, SK VOTE: one item per voter per election, written once with a
    // conditional put; the voter key in the PK spreads one election over every partition.
    // Its stream feeds the aggregator (tallies, fraud cases, audit log).
    this.votes = new TableV2(this, "Votes", {
      ...common,
      tableName: `${props.tablePrefix}-votes`,
      partitionKey: pk,
      sortKey: sk,
      ...(props.warmThroughput ? { warmThroughput: props.warmThroughput.votes } : {}),
    });
    // PK TALLY#<election>#<shard>: counters sharded so no item takes more than a few hundred writes/s.
    this.tallies = new TableV2(this, "Tallies", {
      ...common,
      tableName: `${props.tablePrefix}-tallies`,
      partitionKey: pk,
      sortKey: sk,
    });
    // PK NONCE#<jti> (and the rate counters): a proof works once; DynamoDB deletes it after its validity window.
    this.nonces = new TableV2(this, "Nonces", {
      ...common,
      tableName: noncesTableName(props.tablePrefix),
      partitionKey: pk,
      timeToLiveAttribute: "expiresAt",
      ...(props.warmThroughput ? { warmThroughput: props.warmThroughput.nonces } : {}),
    });
    // PK ACCOUNT#<sub> or DEVICE#<thumbprint>: both directions of a device binding.
    this.devices = new TableV2(this, "Devices", {
      ...common,
      tableName: `${props.tablePrefix}-devices`,
      partitionKey: pk,
      sortKey: sk,
    });
    // PK DEADLETTER#<stream sequence>: change records the aggregator could not read, kept for a re-drive.
    this.deadLetters = new TableV2(this, "DeadLetters", {
      ...common,
      tableName: `${props.tablePrefix}-dead-letters`,
      partitionKey: pk,
    });
    // PK ROLL#<election>#<kind>#<value>: who may vote in a roll-based election; read on every cast there.
    this.voterRolls = new TableV2(this, "VoterRolls", {
      ...common,
      tableName: `${props.tablePrefix}-voter-rolls`,
      partitionKey: pk,
    });
    // PK ELECTION#<id>: the data plane's copy of each election, versioned; what every vote-API and
    // results task judges casts and shows results by, so an Aurora outage never stops voting.
    this.elections = new TableV2(this, "Elections", {
      ...common,
      tableName: `${props.tablePrefix}-elections`,
      partitionKey: pk,
    });
    // PK LISTS / SK <name>, PK LIST#<name> / SK PART#<import>#<n>: imported network lists (threat
    // feeds), read by every vote-API task once a minute, written by the control API on an import.
    this.networkLists = new TableV2(this, "NetworkLists", {
      ...common,
      tableName: `${props.tablePrefix}-network-lists`,
      partitionKey: pk,
      sortKey: sk,
    });
  }

  /** Every table, for alarms and dashboards. */
  all(): ReadonlyArray<[name: string, table: TableV2]> {
    return [
      ["votes", this.votes],
      ["tallies", this.tallies],
      ["nonces", this.nonces],
      ["devices", this.devices],
      ["dead-letters", this.deadLetters],
      ["voter-rolls", this.voterRolls],
      ["elections", this.elections],
      ["network-lists", this.networkLists],
    ];
  }
}
