import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { SesMailer } from "@landslide/vote-engine/ses";
import { type Config, required } from "@landslide/config";
import { createDynamoDbClient, tableNames } from "@landslide/vote-engine/dynamodb";
import { connectControlPlane } from "@landslide/vote-engine/postgres";
import { sql } from "drizzle-orm";
import { cognitoIssuer, jwksUrl } from "../auth/issuer";
import type { ReadinessCheck } from "../http/readiness";

/** The clients a service holds for its whole life, and the readiness checks that go with them. */
export function createDependencies(config: Config) {
  const dynamodb = createDynamoDbClient({ region: config.aws.region, endpoint: config.aws.dynamodbEndpoint });
  const tables = tableNames(config.aws.tablePrefix);
  let controlPlane: ReturnType<typeof connectControlPlane> | undefined;
  // Opened on first use: only some services need the control plane.
  const openControlPlane = () => (controlPlane ??= connectControlPlane(config.database.url));
  const issuer = () =>
    cognitoIssuer({
      region: config.aws.region,
      endpoint: config.aws.cognitoEndpoint,
      userPoolId: required(
        config.cognito.userPoolId,
        "LANDSLIDE_COGNITO_USER_POOL_ID",
        "the user pool id printed by provisioning",
      ),
    });

  return {
    config,
    dynamodb,
    tables,
    issuer,
    controlPlane: openControlPlane,
    checks: {
      dynamodb:
        (table: string): ReadinessCheck =>
        async () => {
          await dynamodb.send(new DescribeTableCommand({ TableName: table }));
        },
      postgres: (): ReadinessCheck => async () => {
        await openControlPlane().db.execute(sql`select 1`);
      },
      /** SES answers for this account (the mail to voters goes out through it). */
      ses: (): ReadinessCheck => {
        const ses = new SesMailer({
          region: config.aws.region,
          endpoint: config.mail.sesEndpoint,
          from: config.mail.from,
        });
        return async () => {
          await ses.maxSendRate();
        };
      },
      cognito: (): ReadinessCheck => async () => {
        const response = await fetch(jwksUrl(issuer()), { signal: AbortSignal.timeout(1500) });
        if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
      },
    },
    async close() {
      dynamodb.destroy();
      await controlPlane?.close();
    },
  };
}

export type Dependencies = ReturnType<typeof createDependencies>;
