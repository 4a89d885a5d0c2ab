import { ListUsersInGroupCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCognitoClient, ensureAccountWithPassword, generatePassword } from "@landslide/vote-engine/cognito";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { mapConcurrently } from "../src/lib/concurrently";

/**
 * The load test creates its voters many at once (--prepare-concurrency). That is safe only if
 * cognito-local keeps every account and every group membership written concurrently: adding a
 * user to a group rewrites the group's member list, and a lost update would leave voters outside
 * their group. Held here against the real cognito-local, with more at once than the load test's
 * default.
 */
const ACCOUNTS = 120;
const AT_ONCE = 32;

let stack: TestStack;
beforeAll(async () => {
  stack = await provisionTestStack({ demo: false });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

it(`keeps all of ${ACCOUNTS} accounts created ${AT_ONCE} at a time, each in its group`, async () => {
  const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
  try {
    const emails = Array.from({ length: ACCOUNTS }, (_, i) => `parallel-${i}@loadtest.landslide.test`);
    const results = await mapConcurrently(emails, AT_ONCE, (email) =>
      ensureAccountWithPassword(cognito, stack.provisioned.userPoolId, { email, group: "voters" }, generatePassword()),
    );
    expect(results.every((r) => r.created)).toBe(true);
    const members: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await cognito.send(
        new ListUsersInGroupCommand({ UserPoolId: stack.provisioned.userPoolId, GroupName: "voters", NextToken }),
      );
      members.push(
        ...(page.Users ?? []).flatMap(
          (u) => u.Attributes?.filter((a) => a.Name === "email").map((a) => a.Value ?? "") ?? [],
        ),
      );
      NextToken = page.NextToken;
    } while (NextToken);
    expect(new Set(members)).toEqual(new Set(emails));
  } finally {
    cognito.destroy();
  }
}, 300_000);
