import { EventSource } from "eventsource";
import type { TestStack } from "@landslide/vote-engine/testing";
import {
  createLandslideClient,
  type LandslideClient,
  type LandslideClientOptions,
  memoryDeviceKeyStore,
} from "../src/client/index";
import type { Deployment } from "../src/testing/index";

/**
 * One of the test stack's demo accounts signed in through the SDK, on the app its role uses (a
 * voter on the voter site, an official on the console), with a device key of its own held in
 * memory and a user agent that is not an HTTP library's default, which the risk layer doubts.
 */
export async function signedInDemo(
  stack: TestStack,
  deployment: Deployment,
  email: string,
  app: "voter-web" | "console" = "voter-web",
  extra: Partial<LandslideClientOptions> = {},
): Promise<LandslideClient> {
  const account = stack.provisioned.accounts.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  const client = createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds[app],
    },
    deviceKeys: memoryDeviceKeyStore(),
    userAgent: "landslide-sdk-test/1.0",
    EventSource,
    ...extra,
  });
  await client.auth.signIn(email, account.password);
  return client;
}
