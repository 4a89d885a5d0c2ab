import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";

/** The roles of Landslide, as Cognito groups; the API's procedure tiers are read from them. */
export const roleGroups = ["voters", "officials", "operators"] as const;
export type RoleGroup = (typeof roleGroups)[number];

/** One public app client per front end, so tokens say which app they were issued to. */
export const appClients = ["voter-web", "console", "cli"] as const;
export type AppClient = (typeof appClients)[number];

export interface UserPoolIds {
  readonly userPoolId: string;
  readonly clientIds: Record<AppClient, string>;
}

/** Finds the pool by name or creates it, then its app clients and groups. Idempotent. */
export async function ensureUserPool(
  cognito: CognitoIdentityProviderClient,
  poolName: string,
): Promise<UserPoolIds & { changes: string[] }> {
  const changes: string[] = [];
  let userPoolId = await findUserPool(cognito, poolName);
  if (!userPoolId) {
    const created = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: poolName,
        UsernameAttributes: ["email"],
        AutoVerifiedAttributes: ["email"],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: false,
          },
        },
      }),
    );
    userPoolId = created.UserPool!.Id!;
    changes.push(`created user pool ${poolName} (${userPoolId})`);
  }

  const existingClients = await cognito.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  const clientIds = {} as Record<AppClient, string>;
  for (const name of appClients) {
    const clientName = `${poolName}-${name}`;
    const found = existingClients.UserPoolClients?.find((c) => c.ClientName === clientName);
    if (found?.ClientId) {
      clientIds[name] = found.ClientId;
      continue;
    }
    const created = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: clientName,
        // Public clients (browsers, a CLI): no secret to leak; SRP in production, password auth for local and tests.
        GenerateSecret: false,
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        PreventUserExistenceErrors: "ENABLED",
      }),
    );
    clientIds[name] = created.UserPoolClient!.ClientId!;
    changes.push(`created app client ${clientName}`);
  }

  const groups = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  for (const group of roleGroups) {
    if (groups.Groups?.some((g) => g.GroupName === group)) continue;
    await cognito.send(
      new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group, Description: `Landslide ${group}` }),
    );
    changes.push(`created group ${group}`);
  }
  return { userPoolId, clientIds, changes };
}

async function findUserPool(cognito: CognitoIdentityProviderClient, poolName: string): Promise<string | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }));
    const found = page.UserPools?.find((pool) => pool.Name === poolName);
    if (found?.Id) return found.Id;
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}
