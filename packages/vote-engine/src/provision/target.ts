import type { Config } from "@landslide/config";
import type { ProvisionTarget } from "./provision";

export function provisionTargetFromConfig(config: Config): ProvisionTarget {
  return {
    region: config.aws.region,
    dynamodbEndpoint: config.aws.dynamodbEndpoint,
    cognitoEndpoint: config.aws.cognitoEndpoint,
    tablePrefix: config.aws.tablePrefix,
    userPoolName: config.aws.userPoolName,
    databaseUrl: config.database.url,
  };
}
