export { cognitoIssuer, jwksUrl } from "./auth/issuer";
export {
  type AccessTokenVerifier,
  createAccessTokenVerifier,
  TokenRejectedError,
  type TokenRejection,
  type VerifiedIdentity,
} from "./auth/verify-access-token";
export { type CheckResult, type ReadinessReport, runReadiness } from "./http/readiness";
export { type AppRouter, appRouter, type ControlApiRouter, type ResultsRouter, type VoteApiRouter } from "./root";
export type { Context } from "./trpc";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type { Challenge, Solution } from "./human-check/human-check";
export { solveChallenge } from "./human-check/solve";
export { createDeviceKey, createProof, type DeviceKey } from "./device/proof";
