import { randomBytes } from "node:crypto";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import type { RoleGroup } from "./user-pool";

export interface AccountSpec {
  readonly email: string;
  readonly group: RoleGroup;
}

export interface AccountCredentials extends AccountSpec {
  readonly password: string;
}

/** A password that satisfies the pool's policy: 20 random characters plus one of each class. */
export function generatePassword(): string {
  return `${randomBytes(15).toString("base64url")}aA7`;
}

/**
 * Makes sure the account exists, is confirmed, is in its group and has a known password.
 * `knownPassword` is the one written on an earlier run; when it is given and the user exists,
 * nothing changes. Otherwise a new password is generated and set.
 */
export async function ensureAccount(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  spec: AccountSpec,
  knownPassword: string | undefined,
): Promise<{ credentials: AccountCredentials; changes: string[] }> {
  const changes: string[] = [];
  let username = await findUsername(cognito, userPoolId, spec.email);
  const exists = username !== undefined;
  if (!username) {
    username = await createVerifiedUser(cognito, userPoolId, spec.email);
    changes.push(`created account ${spec.email}`);
  }
  let password = knownPassword;
  if (!exists || password === undefined) {
    password = generatePassword();
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: spec.email,
        Password: password,
        Permanent: true,
      }),
    );
    changes.push(`set a new password for ${spec.email}`);
  }
  if (await addToGroup(cognito, userPoolId, username, spec.group)) changes.push(`added ${spec.email} to ${spec.group}`);
  return { credentials: { ...spec, password }, changes };
}

/**
 * Makes sure the account exists, confirmed with its e-mail verified, in its group, with exactly
 * this password: for accounts whose password the caller derives rather than stores (the load
 * test's voters). It goes through the admin API, as provisioning does, so no sign-up ticket is
 * involved (the pre-sign-up check lets administrator-created accounts through) and no message is
 * sent. The password is set on every call: call it only when signing in with it failed.
 */
export async function ensureAccountWithPassword(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  spec: AccountSpec,
  password: string,
): Promise<{ created: boolean }> {
  let username = await findUsername(cognito, userPoolId, spec.email);
  const created = username === undefined;
  if (!username) username = await createVerifiedUser(cognito, userPoolId, spec.email);
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: spec.email,
      Password: password,
      Permanent: true,
    }),
  );
  await addToGroup(cognito, userPoolId, username, spec.group);
  return { created };
}

/** An administrator-made user, e-mail verified and no message sent; returns the pool's own username. */
async function createVerifiedUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
): Promise<string> {
  const created = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      MessageAction: "SUPPRESS",
      UserAttributes: [
        { Name: "email", Value: email },
        { Name: "email_verified", Value: "true" },
      ],
    }),
  );
  return created.User?.Username ?? email;
}

/**
 * Puts the user in the group unless already there; true when it did. Group calls take the pool's
 * own username (a UUID when e-mail is the sign-in alias): real Cognito also accepts the alias,
 * cognito-local does not.
 */
async function addToGroup(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  username: string,
  group: string,
): Promise<boolean> {
  const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
  if (groups.Groups?.some((g) => g.GroupName === group)) return false;
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }));
  return true;
}

async function findUsername(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
): Promise<string | undefined> {
  try {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    return user.Username;
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}

/**
 * The Cognito subject of the account signed up with this address (user names are addresses), or
 * undefined when there is none: what a voter key is made from, so the mail queue can tell whether
 * someone on a roll has voted without anything but the address being stored.
 */
export async function accountSubject(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
): Promise<string | undefined> {
  try {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    return user.UserAttributes?.find((attribute) => attribute.Name === "sub")?.Value;
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}
