export { type AwsEndpointOptions, createDynamoDbClient, createDynamoDbStreamsClient } from "./client";
export { ensureTables } from "./ensure-tables";
export { createTableInput, type TableDefinition, tableDefinitions, type TableNames, tableNames } from "./tables";
export { DynamoDbVoteStore } from "./vote-store";
export { type AggregatorFaults, type DrainReport, StreamAggregator } from "./stream-aggregator";
export { type Checkpoint, type DeadLetter, DynamoDbTallyStore } from "./tally-store";
export { DynamoDbVoterRoll } from "./voter-roll";
export { DynamoDbNonceStore } from "./nonce-store";
export { DynamoDbRateCounter } from "./rate-counter";
