/**
 * Voters for the HTTP benchmarks, played by the bench process: tokens as cognito-local issues
 * them, registered device keys, solved challenges and signed cast requests, all made before any
 * clock starts (the load generator shares the machine with what it measures), then sent closed
 * loop at a fixed concurrency or paced open loop.
 */
import { Agent, request as httpRequest } from "node:http";
import { signAsCognitoLocal } from "../test/cognito-local-key";
import { createDeviceKey, createProof, type DeviceKey, solveChallenge, type Solution } from "../src/client/index";

export interface Voter {
  readonly token: string;
  readonly device: DeviceKey;
  /** Where the voter calls from: one address in a network of its own. */
  readonly address: string;
  deviceToken?: string;
}

export type ReadyVoter = Voter & { readonly solution: Solution };

export interface CastRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface CastOutcomes {
  readonly seconds: number;
  /** Per cast, from sending to the whole answer, in ms. */
  readonly latencies: number[];
  /** Refusal reasons (or HTTP statuses without one) by count. */
  readonly refused: Map<string, number>;
}

export const BENCH_BALLOT = {
  answers: {
    mascot: { choices: ["fox"] },
    parks: { choices: ["hilltop", "riverside"] },
    "council-chair": { choices: ["ada", "chen", "bruno"] },
  },
};
const HEADERS = { "content-type": "application/json", "user-agent": "landslide-bench/1.0" };

export const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const describeRefusals = (refused: Map<string, number>) =>
  [...refused].map(([reason, n]) => `${n} ${reason}`).join(", ");

/** The vote API's own metrics (its listener on its port + 100). */
export async function serviceMetrics(apiPort: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${apiPort + 100}/metrics`)).text();
}

/** One sample of a metrics text, optionally of a series with a label matcher, e.g. `route="/trpc/voter.cast"`. */
export function metricValue(text: string, name: string, labels = ""): number {
  const pattern = new RegExp(`^${name}(?:\\{[^}]*${labels}[^}]*\\})? ([0-9.e+-]+)`, "m");
  return Number(pattern.exec(text)?.[1] ?? NaN);
}

export function castTraffic(options: {
  readonly api: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly concurrency: number;
}) {
  const { api, issuer, clientId, concurrency } = options;
  let voters = 0;
  /** A fresh address in a /24 no other simulated voter uses (10.0.0.0/8 holds 65,536 of them). */
  const nextAddress = () => {
    const n = voters++;
    return `10.${(n >> 8) & 255}.${n & 255}.${1 + (n % 250)}`;
  };

  // Access tokens exactly as cognito-local issues them, so thousands of voters need no thousands of sign-ins.
  const accessToken = (sub: string) => {
    const now = Math.floor(Date.now() / 1000);
    return signAsCognitoLocal({
      sub,
      iss: issuer,
      token_use: "access",
      client_id: clientId,
      username: sub,
      scope: "aws.cognito.signin.user.admin",
      jti: crypto.randomUUID(),
      iat: now,
      exp: now + 3600,
    });
  };

  async function post(path: string, voter: Voter, input: unknown): Promise<{ status: number; body: unknown }> {
    const url = `${api}/trpc/${path}`;
    const dpop = await createProof(voter.device, { method: "POST", url, accessToken: voter.token, input });
    const binding: Record<string, string> = voter.deviceToken ? { "x-device-token": voter.deviceToken } : {};
    const response = await fetch(url, {
      method: "POST",
      headers: {
        ...HEADERS,
        ...binding,
        "x-forwarded-for": voter.address,
        authorization: `Bearer ${voter.token}`,
        dpop,
      },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: await response.json() };
  }

  async function pool<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < items.length) {
          const index = next++;
          await work(items[index]!, index);
        }
      }),
    );
  }

  /** Voters with registered devices and solved challenges: everything a cast needs, made before the clock starts. */
  async function prepareVoters(n: number): Promise<ReadyVoter[]> {
    const fresh: Voter[] = await Promise.all(
      Array.from({ length: n }, async () => ({
        token: await accessToken(crypto.randomUUID()),
        device: await createDeviceKey(),
        address: nextAddress(),
      })),
    );
    const ready: ReadyVoter[] = [];
    await pool(fresh, async (voter) => {
      const { status, body } = await post("voter.registerDevice", voter, { jwk: voter.device.publicJwk });
      if (status !== 200) throw new Error(`registering a device answered ${status}`);
      voter.deviceToken = (body as { result: { data: { deviceToken: string } } }).result.data.deviceToken;
      // Asked signed in, as the SDK does: the challenge is the voter's own (no single-use write on the cast).
      const challenge = (await (
        await fetch(`${api}/trpc/humanCheck.challenge`, {
          headers: { ...HEADERS, "x-forwarded-for": voter.address, authorization: `Bearer ${voter.token}` },
        })
      ).json()) as {
        result: { data: Parameters<typeof solveChallenge>[0] };
      };
      ready.push({ ...voter, solution: (await solveChallenge(challenge.result.data))! });
    });
    return ready;
  }

  /** Signed cast requests, made (proofs and all) before any clock starts: the client shares the machine. */
  async function castRequests(
    ready: readonly ReadyVoter[],
    electionOf: (index: number) => string,
  ): Promise<CastRequest[]> {
    const url = `${api}/trpc/voter.cast`;
    return Promise.all(
      ready.map(async (voter, i) => {
        const input = {
          electionId: electionOf(i),
          idempotencyKey: `bench-${crypto.randomUUID()}`,
          ballot: BENCH_BALLOT,
          humanCheck: voter.solution,
        };
        const dpop = await createProof(voter.device, { method: "POST", url, accessToken: voter.token, input });
        return {
          headers: {
            ...HEADERS,
            "x-forwarded-for": voter.address,
            authorization: `Bearer ${voter.token}`,
            dpop,
            "x-device-token": voter.deviceToken!,
          },
          body: JSON.stringify(input),
        };
      }),
    );
  }

  // node:http on kept-alive sockets costs the load generator far less CPU per request than fetch
  // (undici), so less of the machine goes to playing the voters.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency * 2 });
  function postCast(
    request: CastRequest,
    through: Agent = agent,
    target = api,
  ): Promise<{ status: number; body: string; retryAfter: string | undefined }> {
    return new Promise((resolve, reject) => {
      const sent = httpRequest(
        `${target}/trpc/voter.cast`,
        {
          method: "POST",
          agent: through,
          headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) },
        },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, body, retryAfter: response.headers["retry-after"] }),
          );
          response.on("error", reject);
        },
      );
      sent.on("error", reject);
      sent.end(request.body);
    });
  }

  /**
   * Sends the casts `concurrency` at a time, or paced at `perSecond` (open loop: a slow answer does
   * not slow the sending), to the vote API or to another `target` that takes the same requests.
   */
  async function sendCasts(requests: readonly CastRequest[], perSecond?: number, target = api): Promise<CastOutcomes> {
    const latencies: number[] = [];
    const refused = new Map<string, number>();
    const send = async (request: CastRequest) => {
      const sent = performance.now();
      const response = await postCast(request, agent, target);
      latencies.push(performance.now() - sent);
      if (response.status !== 200) {
        const body = JSON.parse(response.body) as { error?: { data?: { reason?: string } } };
        const reason = body.error?.data?.reason ?? `HTTP ${response.status}`;
        refused.set(reason, (refused.get(reason) ?? 0) + 1);
      }
    };
    const started = performance.now();
    if (perSecond === undefined) await pool(requests, send);
    else
      await Promise.all(
        requests.map(async (request, i) => {
          await new Promise((resolve) =>
            setTimeout(resolve, Math.max(0, started + (i * 1000) / perSecond - performance.now())),
          );
          await send(request);
        }),
      );
    return { seconds: (performance.now() - started) / 1000, latencies, refused };
  }

  return { accessToken, prepareVoters, castRequests, postCast, sendCasts, pool };
}
