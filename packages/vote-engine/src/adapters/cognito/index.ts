export {
  accountSubject,
  type AccountCredentials,
  type AccountSpec,
  ensureAccount,
  ensureAccountWithPassword,
  generatePassword,
} from "./accounts";
export { createCognitoClient } from "./client";
export { type AppClient, appClients, ensureUserPool, type RoleGroup, roleGroups, type UserPoolIds } from "./user-pool";
