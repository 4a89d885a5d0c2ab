import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The data plane: every table on the hot path of a vote. Keys are generic (pk/sk) so that
 * one table can hold several item types; the comments say what each key holds.
 * infra/ declares the same tables for AWS.
 */
export interface TableDefinition {
  /** The logical name; the physical name is `${prefix}-${logical}`. */
  readonly logical: "votes" | "tallies" | "nonces" | "devices" | "voter-rolls" | "elections" | "network-lists";
  readonly sortKey: boolean;
  /** The votes table feeds the aggregator through its change stream. */
  readonly stream: boolean;
  /** An attribute holding epoch seconds after which DynamoDB may delete the item. */
  readonly ttlAttribute?: string;
}

export const tableDefinitions: readonly TableDefinition[] = [
  // pk ELECTION#<id>#VOTER#<voterKey>, sk VOTE: one item per voter per election, written once;
  // the voter key in the partition key spreads an election over all partitions.
  { logical: "votes", sortKey: true, stream: true },
  // pk TALLY#<election>#<shard>, sk <question>#<option>; plus the aggregator's stream checkpoints
  // and the marks of its pending dead letters (the letters themselves are in an SQS queue).
  { logical: "tallies", sortKey: true, stream: false },
  // pk NONCE#<jti>: a device proof or challenge works once; expires with its validity window.
  { logical: "nonces", sortKey: false, stream: false, ttlAttribute: "expiresAt" },
  // pk ACCOUNT#<sub> or DEVICE#<thumbprint>, sk the other side of the binding.
  { logical: "devices", sortKey: true, stream: false },
  // pk ROLL#<election>#<kind>#<value>: who may vote in a roll-based election, read on every cast there.
  { logical: "voter-rolls", sortKey: false, stream: false },
  // pk ELECTION#<id>: the data plane's copy of an election's definition and state, read by every
  // vote-API and results task; the control plane publishes each version (see ElectionCopies).
  { logical: "elections", sortKey: false, stream: false },
  // pk LISTS / sk <name>: the imported network lists (threat feeds) and which import of each is
  // live; pk LIST#<name> / sk PART#<import>#<n>: their content. Read by every vote-API task.
  { logical: "network-lists", sortKey: true, stream: false },
];

export type TableNames = Record<TableDefinition["logical"], string>;

export function tableNames(prefix: string): TableNames {
  return Object.fromEntries(tableDefinitions.map((t) => [t.logical, `${prefix}-${t.logical}`])) as TableNames;
}

export function createTableInput(prefix: string, table: TableDefinition): CreateTableCommandInput {
  return {
    TableName: `${prefix}-${table.logical}`,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" },
      ...(table.sortKey ? [{ AttributeName: "sk", AttributeType: "S" as const }] : []),
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      ...(table.sortKey ? [{ AttributeName: "sk", KeyType: "RANGE" as const }] : []),
    ],
    ...(table.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" } } : {}),
  };
}
