/**
 * Real deployments for tests: the four services as their own processes on free ports, pointed
 * at a provisioned test stack. Import as `@landslide/api/testing` (tests only).
 */
export {
  type Deployment,
  serviceEnvironment,
  startDeployment,
  startNodeProcess,
  startService,
  waitForService,
} from "./service-runner";
export {
  type CeremonyOverrides,
  type SignCounter,
  SoftwareAuthenticator,
  type SoftwareAuthenticatorOptions,
} from "./software-authenticator";
