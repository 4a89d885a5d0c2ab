export { cognitoIssuer, jwksUrl } from "./auth/issuer";
export {
  type AccessTokenVerifier,
  createAccessTokenVerifier,
  TokenRejectedError,
  type TokenRejection,
  type VerifiedIdentity,
} from "./auth/verify-access-token";
export { type CheckResult, type ReadinessReport, runReadiness } from "./http/readiness";
