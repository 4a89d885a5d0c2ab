import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption, type TableProps } from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";

export interface VoteTablesProps {
  readonly tablePrefix: string;
}

/**
 * The data plane tables, the same six as packages/vote-engine/src/adapters/dynamodb/tables.ts
 * creates locally. On-demand, recoverable to any second of the last 35 days, never deleted
 * by a stack update.
 */
export class VoteTables extends Construct {
  readonly votes: Table;
  readonly tallies: Table;
  readonly nonces: Table;
  readonly devices: Table;
  readonly deadLetters: Table;
  readonly voterRolls: Table;

  constructor(scope: Construct, id: string, props: VoteTablesProps) {
    super(scope, id);
    const common: Omit<TableProps, "partitionKey"> = {
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    const pk = { name: "pk", type: AttributeType.STRING };
    const sk = { name: "sk", type: AttributeType.STRING };

    // PK ELECTION#<id>#VOTER#<voterKey>, SK VOTE: one item per voter per election, written once with a
    // conditional put; the voter key in the PK spreads one election over every partition.
    // Its stream feeds the aggregator (tallies, fraud cases, audit log).
    this.votes = new Table(this, "Votes", {
      ...common,
      tableName: `${props.tablePrefix}-votes`,
      partitionKey: pk,
      sortKey: sk,
      stream: StreamViewType.NEW_IMAGE,
    });
    // PK TALLY#<election>#<shard>: counters sharded so no item takes more than a few hundred writes/s.
    this.tallies = new Table(this, "Tallies", { ...common, tableName: `${props.tablePrefix}-tallies`, partitionKey: pk, sortKey: sk });
    // PK NONCE#<jti>: a proof works once; DynamoDB deletes it after its validity window.
    this.nonces = new Table(this, "Nonces", {
      ...common,
      tableName: `${props.tablePrefix}-nonces`,
      partitionKey: pk,
      timeToLiveAttribute: "expiresAt",
    });
    // PK ACCOUNT#<sub> or DEVICE#<thumbprint>: both directions of a device binding.
    this.devices = new Table(this, "Devices", { ...common, tableName: `${props.tablePrefix}-devices`, partitionKey: pk, sortKey: sk });
    // PK DEADLETTER#<stream sequence>: change records the aggregator could not read, kept for a re-drive.
    this.deadLetters = new Table(this, "DeadLetters", { ...common, tableName: `${props.tablePrefix}-dead-letters`, partitionKey: pk });
    // PK ROLL#<election>#<kind>#<value>: who may vote in a roll-based election; read on every cast there.
    this.voterRolls = new Table(this, "VoterRolls", { ...common, tableName: `${props.tablePrefix}-voter-rolls`, partitionKey: pk });
  }
}
