export { type AwsEndpointOptions, createDynamoDbClient, createDynamoDbStreamsClient } from "./client";
export { ensureTables } from "./ensure-tables";
export { createTableInput, type TableDefinition, tableDefinitions, type TableNames, tableNames } from "./tables";
export { DynamoDbVoteStore } from "./vote-store";
