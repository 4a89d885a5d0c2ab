import { RemovalPolicy } from "aws-cdk-lib";
import {
  AttributeType,
  Billing,
  MultiRegionConsistency,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
  type TablePropsV2,
} from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import type { VotesConsistency } from "../parameters";

export interface WarmThroughput {
  readonly readUnitsPerSecond: number;
  readonly writeUnitsPerSecond: number;
}

export interface VoteTablesProps {
  readonly tablePrefix: string;
  /** The second region every table is replicated to (a global table), so a region's loss loses no vote. */
  readonly replicaRegion: string;
  /** The votes table's mode: STRONG (MRSC, with a third region as witness or replica) or EVENTUAL. */
  readonly votesConsistency: VotesConsistency;
  /** Pre-warmed capacity for the two tables every cast writes (production). */
  readonly warmThroughput?: { readonly votes: WarmThroughput; readonly nonces: WarmThroughput };
}

/** The nonces table's name, which the identity stack's pre-sign-up Lambda writes to without a cross-stack reference. */
export const noncesTableName = (tablePrefix: string) => `${tablePrefix}-nonces`;

/**
 * What an MRSC table must not use, by type: DynamoDB refuses TTL and local secondary indexes on
 * multi-Region strongly consistent global tables, and transactions (TransactWriteItems,
 * TransactGetItems) on them at run time, which no template can express: see each table's comment.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html
 * (consistency modes; "Time To Live (TTL)"; "Transactions"; "Streams").
 */
type StrongTableProps = Omit<TablePropsV2, "timeToLiveAttribute" | "localSecondaryIndexes">;

/** The votes table's regions: the replica region always, and the MRSC set's third region as a witness or a replica. */
function votesRegions(
  props: VoteTablesProps,
): Pick<TablePropsV2, "replicas" | "witnessRegion" | "multiRegionConsistency"> {
  const consistency = props.votesConsistency;
  switch (consistency.mode) {
    case "EVENTUAL":
      return { multiRegionConsistency: MultiRegionConsistency.EVENTUAL, replicas: [{ region: props.replicaRegion }] };
    case "STRONG":
      switch (consistency.thirdRegionRole) {
        case "witness":
          return {
            multiRegionConsistency: MultiRegionConsistency.STRONG,
            replicas: [{ region: props.replicaRegion }],
            witnessRegion: consistency.thirdRegion,
          };
        case "replica":
          return {
            multiRegionConsistency: MultiRegionConsistency.STRONG,
            replicas: [{ region: props.replicaRegion }, { region: consistency.thirdRegion }],
          };
      }
  }
}

/**
 * The data plane tables, the same seven as packages/vote-engine/src/adapters/dynamodb/tables.ts
 * creates locally. Global tables (one replica in a second region), on-demand, recoverable to
 * any second of the last 35 days in every replica, never deleted by a stack update.
 *
 * Consistency, table by table (docs/operations.md §6): the votes table alone is multi-Region
 * strongly consistent (MRSC), because the one-vote rule is one conditional put on it and MRSC
 * evaluates that condition against the latest version of the item in every region. Each
 * TableV2 is its own AWS::DynamoDB::GlobalTable, so each table has its own mode. The others stay
 * multi-Region eventually consistent (MREC, last writer wins), each for the reason beside it:
 * most use TTL or transactions, which MRSC refuses, and none decides whether a vote counts.
 * https://docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html
 * ("Key facts about MRSC": synchronous replication to a second region, three regions of one set,
 * witness, TTL/LSI/transactions unsupported, quorum availability).
 */
export class VoteTables extends Construct {
  readonly votes: TableV2;
  readonly tallies: TableV2;
  readonly nonces: TableV2;
  readonly devices: TableV2;
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
      // Said explicitly, so the template shows each table's mode (EVENTUAL is also DynamoDB's default);
      // the votes table overrides it. A mode is fixed when a global table is created.
      multiRegionConsistency: MultiRegionConsistency.EVENTUAL,
      // MREC replication needs a stream on every table; NEW_AND_OLD_IMAGES is what global tables use.
      // MRSC replicates without one: on the votes table it is the aggregator's.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
    };
    const pk = { name: "pk", type: AttributeType.STRING };
    const sk = { name: "sk", type: AttributeType.STRING };

    // PK ELECTION#<id>#VOTER#<voterKey>, SK VOTE: one item per voter per election, written once with a
    // conditional put; the voter key in the PK spreads one election over every partition.
    // Its stream feeds the aggregator (tallies, fraud cases, audit log).
    // STRONG (MRSC) by default: the put's attribute_not_exists is judged against every region's
    // votes, so a voter cannot vote again in the other region, and an acknowledged vote is already
    // in a second region (RPO zero). It takes only what MRSC allows: conditional PutItem and
    // UpdateItem (ReturnValuesOnConditionCheckFailure), strongly consistent GetItem and Scan, and
    // its stream (MRSC replicas' streams carry the same records in the same order). No TTL, no
    // LSI, and no transaction may ever name it (vote-store.ts, coordination watch, recount).
    const votes: StrongTableProps = {
      ...common,
      tableName: `${props.tablePrefix}-votes`,
      partitionKey: pk,
      sortKey: sk,
      ...votesRegions(props),
      ...(props.warmThroughput ? { warmThroughput: props.warmThroughput.votes } : {}),
    };
    this.votes = new TableV2(this, "Votes", votes);
    // PK TALLY#<election>#<shard>: counters sharded so no item takes more than a few hundred writes/s.
    // EVENTUAL: a batch's increments and the aggregator's checkpoint commit in one TransactWriteItems
    // (tally-store.ts), which MRSC refuses. Safe: tallies are derived from the votes, and the
    // recount (a strongly consistent scan of the votes table) must equal them before certification.
    this.tallies = new TableV2(this, "Tallies", {
      ...common,
      tableName: `${props.tablePrefix}-tallies`,
      partitionKey: pk,
      sortKey: sk,
    });
    // PK NONCE#<jti> (and the rate counters): a proof works once; DynamoDB deletes it after its validity window.
    // EVENTUAL: it needs TTL, which MRSC refuses. Safe for the one-vote rule: a proof replayed in the
    // other region before its nonce replicates still ends at the votes table's conditional put,
    // which refuses a second vote whichever region takes it. Rate counters are approximate anyway.
    this.nonces = new TableV2(this, "Nonces", {
      ...common,
      tableName: noncesTableName(props.tablePrefix),
      partitionKey: pk,
      timeToLiveAttribute: "expiresAt",
      ...(props.warmThroughput ? { warmThroughput: props.warmThroughput.nonces } : {}),
    });
    // PK ACCOUNT#<sub> or DEVICE#<thumbprint>: both directions of a device binding.
    // EVENTUAL: both directions are written in one TransactWriteItems (device-store.ts), which MRSC
    // refuses. Bindings feed risk signals, not the one-vote rule (that keys on the voter, not the device).
    this.devices = new TableV2(this, "Devices", {
      ...common,
      tableName: `${props.tablePrefix}-devices`,
      partitionKey: pk,
      sortKey: sk,
    });
    // PK ROLL#<election>#<kind>#<value>: who may vote in a roll-based election; read on every cast there.
    // EVENTUAL: an import writes rows and the roll's size in one TransactWriteItems (voter-roll.ts),
    // which MRSC refuses. Rolls are imported before polls open and only read while they are open;
    // a roll entry admits a voter, it is never used up, so a stale read cannot admit a second vote.
    this.voterRolls = new TableV2(this, "VoterRolls", {
      ...common,
      tableName: `${props.tablePrefix}-voter-rolls`,
      partitionKey: pk,
    });
    // PK ELECTION#<id>: the data plane's copy of each election, versioned; what every vote-API and
    // results task judges casts and shows results by, so an Aurora outage never stops voting.
    // EVENTUAL: MRSC would allow it, but it decides no vote's uniqueness: every task runs in one
    // region at a time and reads it there (through a cache staler than replication), and a cast
    // after the close is refused by the aggregator on its signed cast time (LATE_CAST). Written
    // rarely (a publish, the aggregator's re-send), each time conditional on a higher version.
    this.elections = new TableV2(this, "Elections", {
      ...common,
      tableName: `${props.tablePrefix}-elections`,
      partitionKey: pk,
    });
    // PK LISTS / SK <name>, PK LIST#<name> / SK PART#<import>#<n>: imported network lists (threat
    // feeds), read by every vote-API task once a minute, written by the control API on an import.
    // EVENTUAL: read once a minute already; a feed a second late in one region changes no vote.
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
      ["voter-rolls", this.voterRolls],
      ["elections", this.elections],
      ["network-lists", this.networkLists],
    ];
  }
}
