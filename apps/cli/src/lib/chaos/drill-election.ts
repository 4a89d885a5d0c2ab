import { setTimeout as sleep } from "node:timers/promises";
import { createLandslideClient, type LandslideClient, refusalOf } from "@landslide/api/client";
import { type AuditBundle, auditBundleSchema } from "@landslide/vote-engine";
import { readCredentials } from "@landslide/vote-engine/provision";
import type { ServiceUrls } from "../loadtest/simulated-voter";
import type { DrillStack } from "./drill-stack";

/** The demo official provisioning creates in every local stack: the drill acts as them. */
const OFFICIAL = "official@demo.landslide.test";
const REASON = "election chaos: fault-injection drill";

/** The drill's election: one question of each kind, so every kind of counter is exercised and recounted. */
export function drillBallot(now: Date) {
  const options = (...ids: string[]) => ids.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) }));
  return {
    title: `Chaos drill ${now.toISOString().slice(0, 19).replace("T", " ")}Z`,
    description: "Cast while services were killed, DynamoDB Local restarted and streams cut (election chaos).",
    questions: [
      {
        id: "ferry",
        kind: "single" as const,
        prompt: "Keep the night ferry?",
        minChoices: 1,
        maxChoices: 1,
        options: options("yes", "no"),
      },
      {
        id: "parks",
        kind: "multi" as const,
        prompt: "Which parks get new playgrounds? Choose one or two.",
        minChoices: 1,
        maxChoices: 2,
        options: options("riverside", "hilltop", "harbour"),
      },
      {
        id: "chair",
        kind: "ranked" as const,
        prompt: "Rank the candidates for chair.",
        minChoices: 1,
        maxChoices: 3,
        options: options("ada", "bruno", "chen"),
      },
      {
        id: "budget",
        kind: "score" as const,
        prompt: "Score each project from 0 to 5.",
        minChoices: 1,
        maxChoices: 1,
        options: options("library", "pool", "trams"),
        // STAR, so the recount runs its runoff too; the live counters are total scores either way.
        counting: { method: "star" as const, seats: 1 },
      },
    ],
  };
}

/** The stack's services and user pool as the SDK takes them. */
export function stackDeployment(stack: DrillStack) {
  const run = stack.runFile();
  if (!run.cognito) throw new Error("The drill's local stack wrote no user pool to its run file.");
  const urls: ServiceUrls = {
    voteApi: stack.urls["vote-api"]!,
    controlApi: stack.urls["control-api"]!,
    results: stack.urls.results!,
  };
  return { urls, cognito: run.cognito };
}

/**
 * The drill's official: the stack's demo official (its password from the stack's owner-only
 * credentials file), signed in through the CLI's app client, as `election login` signs in.
 */
export async function signInOfficial(stack: DrillStack): Promise<LandslideClient> {
  const { urls, cognito } = stackDeployment(stack);
  const password = readCredentials(stack.layout.credentials)?.accounts.find((a) => a.email === OFFICIAL)?.password;
  if (!password) throw new Error(`The drill's stack has no password for ${OFFICIAL} in ${stack.layout.credentials}.`);
  const clientId = cognito.clientIds.cli;
  if (!clientId) throw new Error("The drill's user pool has no app client for the CLI.");
  const sdk = createLandslideClient({
    urls,
    cognito: { region: cognito.region, endpoint: cognito.endpoint, clientId },
    userAgent: "landslide-cli (chaos drill)",
  });
  await sdk.auth.signIn(OFFICIAL, password);
  return sdk;
}

/** Creates the drill's election and opens it; the vote API reads it within a moment. */
export async function openDrillElection(official: LandslideClient, now: Date) {
  const election = await official.control.official.elections.create.mutate({
    election: drillBallot(now),
    reason: REASON,
  });
  await official.control.official.elections.transition.mutate({ electionId: election.id, to: "open", reason: REASON });
  return election;
}

/**
 * Releases held ballots (the risk checks may hold some of the simulated voters' casts, more so
 * when a burst of retries follows an outage), as an official does after review: the audit bundle
 * is published only once no ballot waits for review. At most 500 a call, as the API takes them.
 */
export async function releaseHeldBallots(
  official: LandslideClient,
  electionId: string,
  voterKeys: readonly string[],
): Promise<number> {
  let released = 0;
  for (let i = 0; i < voterKeys.length; i += 500) {
    const { changed } = await official.control.official.fraud.release.mutate({
      electionId,
      voterKeys: voterKeys.slice(i, i + 500),
      reason: `${REASON}: simulated voters held by the risk checks`,
    });
    released += changed;
  }
  return released;
}

/** The recount from every stored vote, beside the live tally (`election elections recount`). */
export function recountElection(official: LandslideClient, electionId: string) {
  return official.control.official.elections.recount.mutate({ electionId });
}

/** Closes the election; voting stops a moment later, at the same instant on every task. */
export async function closeElection(official: LandslideClient, electionId: string): Promise<void> {
  await official.control.official.elections.transition.mutate({ electionId, to: "closed", reason: REASON });
}

/**
 * The published audit bundle and the audit key the deployment announces, as `election audit
 * verify` fetches them. The bundle waits for the close to take effect and for the audit log to
 * hold every counted ballot (RESULTS_NOT_FINAL, AUDIT_NOT_READY): asked again until `patienceMs`.
 */
export async function fetchAuditBundle(
  reader: LandslideClient,
  electionId: string,
  patienceMs = 120_000,
): Promise<{ bundle: AuditBundle; auditKeyId: string }> {
  const deadline = performance.now() + patienceMs;
  for (;;) {
    try {
      const [bundle, keys] = await Promise.all([
        reader.results.audit.bundle.query({ electionId }),
        reader.results.audit.keys.query(),
      ]);
      // Through the same schema as a downloaded file: the bundle is checked, never trusted.
      return { bundle: auditBundleSchema.parse(bundle), auditKeyId: keys.audit.keyId };
    } catch (error) {
      const reason = refusalOf(error)?.reason;
      if ((reason !== "RESULTS_NOT_FINAL" && reason !== "AUDIT_NOT_READY") || performance.now() > deadline) throw error;
      await sleep(1_000);
    }
  }
}
