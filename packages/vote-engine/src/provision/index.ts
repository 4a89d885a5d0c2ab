export { type CredentialsFile, readCredentials } from "./credentials-file";
export {
  demoAccounts,
  provision,
  type ProvisionOptions,
  type ProvisionResult,
  type ProvisionTarget,
} from "./provision";
export { provisionTargetFromConfig } from "./target";
