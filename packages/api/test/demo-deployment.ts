import { afterAll, beforeAll } from "vitest";
import { type AuditBundle, auditBundleSchema } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import type { LandslideClient } from "../src/client/index";
import { type Deployment, startDeployment } from "../src/testing/index";
import { signedInDemo } from "./demo-accounts";
import { waitFor } from "./wait-for";

export interface DemoDeployment {
  readonly stack: TestStack;
  readonly deployment: Deployment;
  /** A demo account signed in on the app its role uses (demo-accounts.ts). */
  signedIn: (email: string, app?: "voter-web" | "console") => Promise<LandslideClient>;
  /** The election's public audit bundle, once the results service publishes it with `ballots` ballots. */
  publishedBundle: (electionId: string, ballots: number) => Promise<AuditBundle>;
}

/**
 * For one test file: a provisioned stack with the demo accounts and the services running on it,
 * started before its tests and stopped after them.
 */
export function demoDeployment(): DemoDeployment {
  let stack: TestStack | undefined;
  let deployment: Deployment | undefined;
  beforeAll(async () => {
    stack = await provisionTestStack({ demo: true });
    deployment = await startDeployment(stack);
  }, 120_000);
  afterAll(async () => {
    await deployment?.stop();
    await stack?.stop();
  });
  const started = () => {
    if (!stack || !deployment) throw new Error("the demo deployment has not started");
    return { stack, deployment };
  };
  return {
    get stack() {
      return started().stack;
    },
    get deployment() {
      return started().deployment;
    },
    signedIn: (email, app = "voter-web") => signedInDemo(started().stack, started().deployment, email, app),
    publishedBundle: (electionId, ballots) =>
      waitFor(async () => {
        const download = await fetch(
          `${started().deployment.urls.results}/v1/elections/${electionId}/audit-bundle.json`,
        );
        if (download.status !== 200) return undefined;
        const parsed = auditBundleSchema.parse(await download.json());
        return parsed.ballots.length === ballots ? parsed : undefined;
      }),
  };
}
