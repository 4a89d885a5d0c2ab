import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPostgres } from "@landslide/local-stack/testing";
import { testProvisionTarget } from "../src/testing";
import type { RunningPostgres } from "@landslide/local-stack";
import { DescribeTableCommand, DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { DEMO_ELECTION_ID, systemClock } from "../src/index";
import { createDynamoDbClient, DynamoDbElectionCopies } from "../src/adapters/dynamodb";
import { createCognitoClient } from "../src/adapters/cognito";
import { connectControlPlane, ElectionsRepository } from "../src/adapters/postgres";
import { provision, type ProvisionTarget } from "../src/provision";

let postgres: RunningPostgres;
let target: ProvisionTarget;

beforeAll(async () => {
  postgres = await startTestPostgres();
  target = testProvisionTarget(postgres.url, "prov");
});
afterAll(() => postgres.stop());

describe("provisioning", () => {
  it("creates tables, pool, schema, demo election and accounts, and a second run changes nothing", async () => {
    const first = await provision({ target, clock: systemClock, demo: true, credentialsFile: null });
    expect(first.changes).toEqual(
      expect.arrayContaining([
        `created table ${target.tablePrefix}-votes`,
        "created group officials",
        expect.stringMatching(/^applied \d+ Postgres migration\(s\)$/),
        'created the demo election "Landslide Demo Election"',
      ]),
    );

    const dynamodb = createDynamoDbClient({ region: target.region, endpoint: target.dynamodbEndpoint });
    const votes = await dynamodb.send(new DescribeTableCommand({ TableName: first.tables.votes }));
    expect(votes.Table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });
    expect(votes.Table?.KeySchema?.map((k) => k.AttributeName)).toEqual(["pk", "sk"]);
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: first.tables.nonces }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe("expiresAt");

    const controlPlane = connectControlPlane(target.databaseUrl);
    const elections = await new ElectionsRepository(controlPlane.db).list();
    await controlPlane.close();
    expect(elections).toHaveLength(1);
    expect(elections[0]).toMatchObject({ id: DEMO_ELECTION_ID, status: "open" });
    expect(elections[0]?.questions.map((q) => q.kind)).toEqual(["single", "multi", "ranked"]);
    // Voting reads the data plane's copy, never Postgres: provisioning publishes it there too.
    expect(await new DynamoDbElectionCopies(dynamodb, first.tables.elections).get(DEMO_ELECTION_ID)).toEqual(
      elections[0],
    );

    const official = first.accounts.find((a) => a.group === "officials");
    expect(official).toBeDefined();
    const cognito = createCognitoClient({ region: target.region, endpoint: target.cognitoEndpoint });
    const signIn = await cognito.send(
      new InitiateAuthCommand({
        ClientId: first.clientIds.console,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: official!.email, PASSWORD: official!.password },
      }),
    );
    expect(signIn.AuthenticationResult?.AccessToken).toBeTruthy();
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: first.userPoolId, Username: official!.email }),
    );
    const groups = await cognito.send(
      new AdminListGroupsForUserCommand({ UserPoolId: first.userPoolId, Username: user.Username }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(["officials"]);

    // Idempotent: the second run finds everything in place. With no credentials file it cannot
    // know the passwords, so it may only reset those.
    const second = await provision({ target, clock: systemClock, demo: true, credentialsFile: null });
    expect(second.changes.filter((c) => !c.startsWith("set a new password"))).toEqual([]);
    expect(second.userPoolId).toBe(first.userPoolId);
    expect(second.clientIds).toEqual(first.clientIds);

    // A demo election provisioned by an older release, before translations: it gains them, in both planes.
    const older = connectControlPlane(target.databaseUrl);
    await new ElectionsRepository(older.db).replaceTranslations(DEMO_ELECTION_ID, "en", {});
    await older.close();
    const third = await provision({ target, clock: systemClock, demo: true, credentialsFile: null });
    expect(third.changes).toContain('updated the translations of the demo election "Landslide Demo Election"');
    const copy = await new DynamoDbElectionCopies(dynamodb, first.tables.elections).get(DEMO_ELECTION_ID);
    expect(Object.keys(copy?.translations ?? {}).sort()).toEqual(["ar", "de", "es", "fr"]);
    expect(copy?.translations?.es?.title).toBe("Elección de demostración de Landslide");
  });
});
