import { type RiskObservations, type RiskPolicy, type RiskSignal, riskWeights } from "./risk-signals";

export type RiskDecision = "accept" | "quarantine" | "refuse";

export interface RiskAssessment {
  readonly decision: RiskDecision;
  readonly score: number;
  /** The signals that fired, strongest first: stored on a quarantined vote for the reviewer. */
  readonly reasons: readonly RiskSignal[];
}

/** Scores one cast: the sum of the weights of the signals that fired, against the policy's thresholds. */
export function assessRisk(observed: RiskObservations, policy: RiskPolicy): RiskAssessment {
  const fired: Record<RiskSignal, boolean> = {
    AUTOMATION_DECLARED: observed.webdriver,
    HEADLESS_CLIENT: observed.headlessClient,
    BAD_IP_RANGE: observed.inBadIpRange,
    HOSTING_NETWORK: observed.inHostingNetwork,
    ANONYMIZING_NETWORK: observed.inAnonymizingNetwork,
    SHARED_DEVICE: observed.accountsOnDevice > policy.accountsPerDevice,
    IP_BLOCK_VELOCITY: observed.castsFromIpBlockThisMinute > policy.ipBlockCastsPerMinute,
    DEVICE_VELOCITY: observed.castsFromDeviceThisMinute > policy.deviceCastsPerMinute,
    FAST_SOLVE: observed.challengeElapsedMs !== undefined && observed.challengeElapsedMs < policy.fastSolveMs,
    NEW_ACCOUNT: observed.accountAgeMs !== undefined && observed.accountAgeMs < policy.newAccountMs,
    COORDINATED_BALLOT: observed.ballotConcentrated,
    IMPLAUSIBLE_INTERACTION: observed.implausibleInteraction,
  };
  const reasons = (Object.keys(fired) as RiskSignal[])
    .filter((signal) => fired[signal])
    .sort((a, b) => riskWeights[b] - riskWeights[a]);
  const score = reasons.reduce((sum, signal) => sum + riskWeights[signal], 0);
  const decision = score >= policy.refuseAt ? "refuse" : score >= policy.quarantineAt ? "quarantine" : "accept";
  return { decision, score, reasons };
}
