import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createDeviceKey, createProof, type DeviceKey, memoryDeviceKeyStore } from "../../src/client/index";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { raw, signedInVoter } from "./support";

/** Attack: make the server recurse or iterate over input it never needed (a 500, a stalled task). */
let stack: TestStack;
let deployment: Deployment;
let accessToken = "";
let device: DeviceKey;
let voter: Awaited<ReturnType<typeof signedInVoter>>;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack);
  device = await createDeviceKey();
  voter = await signedInVoter(stack, deployment, "voter1@demo.landslide.test", fetch, memoryDeviceKeyStore(device));
  accessToken = (await voter.auth.tokens()).accessToken;
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const castUrl = () => `${deployment.urls.voteApi}/trpc/voter.cast`;

/** A cast whose device proof is genuine (this key, this URL, this token) but names an empty body: the server must hash the real one to notice. */
async function castWithBody(body: string, dpop?: string) {
  return raw(castUrl(), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${accessToken}`,
      dpop: dpop ?? (await createProof(device, { method: "POST", url: castUrl(), accessToken, input: null })),
    },
    body,
  });
}

const reasonOf = (text: string) => (JSON.parse(text) as { error?: { data?: { reason?: string } } }).error?.data?.reason;

describe("nesting depth", () => {
  it("answers a ballot nested 30,000 deep with 400 INPUT_TOO_DEEP, and stores nothing", async () => {
    const response = await castWithBody(
      `{"electionId":"${DEMO_ELECTION_ID}","idempotencyKey":"deep-ballot-000001","ballot":${nested(30_000)}}`,
    );
    expect(response.status).toBe(400);
    expect(reasonOf(response.text)).toBe("INPUT_TOO_DEEP");
    expect(await voter.vote.voter.myReceipt.query({ electionId: DEMO_ELECTION_ID })).toBeNull();
  });

  it("refuses a deep query input the same way, before the procedure runs", async () => {
    const response = await raw(
      `${deployment.urls.voteApi}/trpc/humanCheck.challenge?input=${encodeURIComponent(nested(1_500))}`,
    );
    expect(response.status).toBe(400);
    expect(reasonOf(response.text)).toBe("INPUT_TOO_DEEP");
  });

  it("refuses a device proof whose payload is nested deep, before verifying it", async () => {
    // Signed by hand over the raw text: a JWT library would itself overflow its stack serialising such a claim.
    const header = { typ: "dpop+jwt", alg: "ES256", jwk: device.publicJwk };
    const payload = `{"htm":"POST","htu":${JSON.stringify(castUrl())},"jti":"${crypto.randomUUID()}","iat":${Math.floor(Date.now() / 1000)},"x":${nested(3_000)}}`;
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(payload)}`;
    const signature = await crypto.subtle.sign(
      { name: "ECDSA", hash: "SHA-256" },
      device.privateKey,
      new TextEncoder().encode(signingInput),
    );
    const proof = `${signingInput}.${Buffer.from(signature).toString("base64url")}`;
    expect(proof.length).toBeLessThan(16_000); // under Node's header limit: it reaches the API
    const response = await castWithBody(
      `{"electionId":"${DEMO_ELECTION_ID}","idempotencyKey":"deep-proof-0000001","ballot":{}}`,
      proof,
    );
    expect(response.status).toBe(400);
    expect(reasonOf(response.text)).toBe("INPUT_TOO_DEEP");
  });
});

describe("array sizes", () => {
  it("answers an array of 5,000 items with 400 INPUT_TOO_LARGE", async () => {
    const response = await castWithBody(
      `{"electionId":"${DEMO_ELECTION_ID}","idempotencyKey":"wide-ballot-000001","ballot":[${Array(5_000).fill("0").join(",")}]}`,
    );
    expect(response.status).toBe(400);
    expect(reasonOf(response.text)).toBe("INPUT_TOO_LARGE");
  });

  it("still serves ordinary input (brackets inside strings do not count)", async () => {
    const response = await raw(
      `${deployment.urls.voteApi}/trpc/humanCheck.challenge?input=${encodeURIComponent(JSON.stringify({ note: "[[[[[[".repeat(200) }))}`,
    );
    expect(response.status).toBe(200);
  });
});

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}
