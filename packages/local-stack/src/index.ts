export { ManagedChild, type ChildOptions } from "./child";
export { startCognitoLocal, type CognitoLocalOptions } from "./cognito-local";
export { startDynamoDbLocal, type DynamoDbLocalOptions, type RunningServer } from "./dynamodb-local";
export { LocalStackError } from "./errors";
export { assertJava } from "./java";
export { startPgliteServer, type RunningPostgres } from "./pglite-server";
export { assertPortsFree, freePort, isPortInUse } from "./ports";
export { startLocalServers, type LocalServers, type LocalServersOptions } from "./servers";
export { waitForHttp } from "./wait";
