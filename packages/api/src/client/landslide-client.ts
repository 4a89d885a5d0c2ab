import { base64url, decodeJwt } from "jose";
import { createTRPCClient, httpLink, httpSubscriptionLink, type Operation, splitLink } from "@trpc/client";
import type { ControlApiRouter, ResultsRouter, VoteApiRouter } from "../root";
import { createProof, type DeviceKey, sha256Base64Url } from "../device/proof";
import { castChallengeText } from "../device/passkey-challenge";
import type { PasskeyAuthenticator, PublicKeyCredentialCreationOptionsJSON } from "./passkey-authenticator";
import type { InteractionSummary } from "./interaction/interaction-recorder";
import type { Challenge, HumanCheckChallenge, HumanCheckProof, Solution } from "../human-check/human-check";
import { solveChallenge } from "../human-check/solve";
import { CognitoSession, type CognitoOptions, type SessionStore } from "./cognito-session";
import { type DeviceKeyStore, loadOrCreateDeviceKey, memoryDeviceKeyStore } from "./device-keys";
import { CAST_RETRY_POLICY, type FailedAttempt, failedAttempt, retryDelay, type RetryPolicy } from "./retry-policy";

export interface LandslideClientOptions {
  /** Public base URLs of the services (no trailing slash); device proofs name the vote API's. */
  readonly urls: { readonly voteApi: string; readonly controlApi: string; readonly results: string };
  readonly cognito: CognitoOptions;
  readonly session?: SessionStore;
  readonly deviceKeys?: DeviceKeyStore;
  /** Solves a proof-of-work challenge; browsers pass one that runs in a Web Worker (default: this thread). */
  readonly solveProofOfWork?: (challenge: Challenge) => Promise<Solution | undefined>;
  /** Solves a hosted (siteverify) check: the web page runs the provider's widget and returns its token. */
  readonly solveHostedCheck?: (siteKey: string) => Promise<string>;
  /** Node only (browsers forbid setting it): names the program, e.g. the CLI's load test. */
  readonly userAgent?: string;
  /** Node has no EventSource by default: pass the `eventsource` package's to use subscriptions there. */
  readonly EventSource?: unknown;
  /** What the client says about itself; by default a browser's `navigator.webdriver` (Node has none). */
  readonly clientHints?: () => { readonly webdriver?: boolean };
  /** The fetch used for API calls (Node: a test harness may add headers a proxy would). */
  readonly fetch?: typeof fetch;
  /** How a cast that got no answer, or was shed, is sent again (same idempotency key: never two votes); see retry-policy.ts. */
  readonly castRetry?: Partial<RetryPolicy>;
  /** The device's authenticator: with it, registerPasskey() backs the device key with a passkey and every cast is signed by it. */
  readonly passkeys?: PasskeyAuthenticator;
}

export interface CastOptions {
  readonly electionId: string;
  readonly ballot: unknown;
  /** Keep it with the ballot (the voter site stores it) so a retry after a reload is the same cast. */
  readonly idempotencyKey?: string;
  /** A human check solved ahead (a load test solves them before its clock starts); by default the SDK fetches and solves one. */
  readonly humanCheck?: HumanCheckProof;
  /** How the ballot was filled in on the page (InteractionRecorder), sent with the cast, under the device proof's signature. */
  readonly interaction?: InteractionSummary;
  /** Told of every attempt that failed in a way worth another (shed, unavailable, unanswered), and the wait before the next; undefined when none follows. */
  readonly onFailedAttempt?: (event: {
    readonly attempt: number;
    readonly failure: FailedAttempt;
    readonly nextDelayMs: number | undefined;
  }) => void;
}

const subjectOf = (accessToken: string) => String(decodeJwt(accessToken).sub);

const browserHints = () => ({
  webdriver: (globalThis as { navigator?: { webdriver?: boolean } }).navigator?.webdriver === true,
});

/** A random idempotency key: 128 bits, base64url. */
export function newIdempotencyKey(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The one way programs talk to Landslide: the voter site, the console, the CLI, end-to-end and
 * load tests. It signs in through Cognito, keeps a device key, signs a proof for every mutation,
 * solves the human check, and gives typed tRPC clients for each service: each typed with the
 * router that service mounts (root.ts), so calling a procedure through the wrong one does not compile.
 */
export function createLandslideClient(options: LandslideClientOptions) {
  const auth = new CognitoSession(options.cognito, options.session);
  const deviceKeys = options.deviceKeys ?? memoryDeviceKeyStore();
  /** The API's signed binding of this device to each account signed in here, sent with every cast. */
  const deviceTokens = new Map<string, { token: string; expiresAt: number; passkeyId: string | null }>();
  const baseHeaders: Record<string, string> = options.userAgent ? { "user-agent": options.userAgent } : {};

  const tokensIfSignedIn = async () => ((await auth.isSignedIn()) ? auth.tokens() : undefined);

  /**
   * How requests to a service are sent: with the access token when signed in, and a device proof
   * on every mutation of the vote API. Options rather than a link, so each service's link is
   * typed with its own router.
   */
  const signedRequests = (base: string, proveDevice: boolean) => ({
    url: `${base}/trpc`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: async ({ op }: { op: Operation }) => {
      // A sign-up ticket is asked for before any account exists: a device proof over no token.
      if (proveDevice && op.path === "signUp.ticket") {
        const key = await loadOrCreateDeviceKey(deviceKeys);
        return {
          ...baseHeaders,
          dpop: await createProof(key, {
            method: "POST",
            url: `${base}/trpc/${op.path}`,
            accessToken: "",
            input: op.input,
          }),
        };
      }
      const tokens = await tokensIfSignedIn();
      if (!tokens) return baseHeaders;
      const token = tokens.accessToken;
      const headers: Record<string, string> = {
        ...baseHeaders,
        authorization: `Bearer ${token}`,
        ...(tokens.idToken ? { "x-id-token": tokens.idToken } : {}),
      };
      if (proveDevice && op.type === "mutation") {
        const key = await loadOrCreateDeviceKey(deviceKeys);
        headers.dpop = await createProof(key, {
          method: "POST",
          url: `${base}/trpc/${op.path}`,
          accessToken: token,
          input: op.input,
        });
        const binding = deviceTokens.get(subjectOf(token));
        if (binding) headers["x-device-token"] = binding.token;
      }
      return headers;
    },
  });

  const vote = createTRPCClient<VoteApiRouter>({
    links: [httpLink<VoteApiRouter>(signedRequests(options.urls.voteApi, true))],
  });
  const control = createTRPCClient<ControlApiRouter>({
    links: [httpLink<ControlApiRouter>(signedRequests(options.urls.controlApi, false))],
  });
  const results = createTRPCClient<ResultsRouter>({
    links: [
      splitLink<ResultsRouter>({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${options.urls.results}/trpc`,
          ...(options.EventSource ? { EventSource: options.EventSource as never } : {}),
        }),
        false: httpLink<ResultsRouter>({ url: `${options.urls.results}/trpc`, headers: baseHeaders }),
      }),
    ],
  });

  /**
   * Registers this device's key with the signed-in account, and keeps the binding token the API
   * answers with; again when it nears expiry (the API treats a known device as a no-op).
   */
  async function ensureDevice(): Promise<DeviceKey> {
    const key = await loadOrCreateDeviceKey(deviceKeys);
    const sub = subjectOf(await auth.accessToken());
    const known = deviceTokens.get(sub);
    if (!known || known.expiresAt - Date.now() < 5 * 60_000) {
      const { deviceToken, expiresAt, passkeyId } = await vote.voter.registerDevice.mutate({
        jwk: key.publicJwk as never,
      });
      deviceTokens.set(sub, { token: deviceToken, expiresAt: Date.parse(expiresAt), passkeyId });
    }
    return key;
  }

  /** The passkey backing this device key for the signed-in account, if one was registered (from any session on this device). */
  async function passkeyOfDevice(): Promise<string | null> {
    await ensureDevice();
    return deviceTokens.get(subjectOf(await auth.accessToken()))?.passkeyId ?? null;
  }

  /**
   * Backs this device key with a passkey of the device's authenticator (user verification
   * required): from now on every cast from here is signed by it. Registering again replaces it.
   */
  async function registerPasskey(): Promise<{ credentialId: string; attestation: string }> {
    if (!options.passkeys)
      throw new Error("This client has no authenticator: pass `passkeys` to createLandslideClient.");
    await ensureDevice();
    const creation = await vote.voter.passkeyOptions.mutate();
    // The options cross tRPC as JSON: only their buffer types' names get lost on the way.
    const response = await options.passkeys.register(creation as unknown as PublicKeyCredentialCreationOptionsJSON);
    const { deviceToken, expiresAt, credentialId, attestation } = await vote.voter.registerPasskey.mutate({
      response: response as never,
    });
    deviceTokens.set(subjectOf(await auth.accessToken()), {
      token: deviceToken,
      expiresAt: Date.parse(expiresAt),
      passkeyId: credentialId,
    });
    return { credentialId, attestation };
  }

  /** The cast's passkey assertion, when this device has a passkey and an authenticator to sign with. */
  async function passkeyAssertion(cast: {
    readonly electionId: string;
    readonly idempotencyKey: string;
    readonly ballot: unknown;
  }) {
    const credentialId = deviceTokens.get(subjectOf(await auth.accessToken()))?.passkeyId;
    if (!options.passkeys || !credentialId) return undefined;
    return options.passkeys.sign({ credentialId, challenge: await sha256Base64Url(castChallengeText(cast)) });
  }

  async function solve(challenge: HumanCheckChallenge): Promise<HumanCheckProof> {
    if (challenge.kind === "siteverify") {
      if (!options.solveHostedCheck)
        throw new Error("This deployment uses a hosted human check: pass solveHostedCheck to createLandslideClient.");
      return { token: await options.solveHostedCheck(challenge.siteKey) };
    }
    const solution = await (options.solveProofOfWork ?? solveChallenge)(challenge);
    if (!solution) throw new Error("The human check could not be solved; fetch a new one.");
    return solution;
  }

  let prepared: Promise<HumanCheckProof> | undefined;
  /** Starts solving a human check now (when a ballot opens), so casting does not wait for it. */
  function prepareHumanCheck(): Promise<HumanCheckProof> {
    prepared ??= vote.humanCheck.challenge.query().then(solve);
    prepared.catch(() => (prepared = undefined));
    return prepared;
  }
  const takeHumanCheck = () => {
    const proof = prepareHumanCheck();
    prepared = undefined; // single use: the next cast solves a fresh one
    return proof;
  };

  /**
   * Casts a ballot end to end. An attempt that was shed (503 OVERLOADED), found no healthy task
   * (502/503/504) or got no answer in time is sent again after a jittered back-off, for up to
   * the policy's budget (retry-policy.ts), always with the same idempotency key, so it lands
   * once; a refusal is thrown as it came. Each attempt carries a fresh device proof (one use
   * each) and an unspent human check: one that was only shed is kept, any other may have been
   * used, so the next attempt solves a new one.
   */
  async function castBallot(cast: CastOptions) {
    await ensureDevice();
    const idempotencyKey = cast.idempotencyKey ?? newIdempotencyKey();
    // A browser driven by automation says so; the API weighs it.
    const webdriver = (options.clientHints ?? browserHints)().webdriver === true;
    const policy = { ...CAST_RETRY_POLICY, ...options.castRetry };
    let humanCheck = cast.humanCheck;
    // Signed once: every attempt sends the same cast, so the same assertion.
    const passkey = await passkeyAssertion({ electionId: cast.electionId, idempotencyKey, ballot: cast.ballot });
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        humanCheck ??= await takeHumanCheck();
        const client = {
          ...(webdriver ? { webdriver } : {}),
          ...(cast.interaction ? { interaction: cast.interaction } : {}),
        };
        const input = {
          electionId: cast.electionId,
          idempotencyKey,
          ballot: cast.ballot,
          humanCheck,
          ...(Object.keys(client).length ? { client } : {}),
          ...(passkey ? { passkey } : {}),
        };
        return await vote.voter.cast.mutate(input, { signal: AbortSignal.timeout(policy.attemptTimeoutMs) });
      } catch (error) {
        const failure = failedAttempt(error);
        if (failure.kind === "final") throw error;
        if (failure.kind !== "overloaded") humanCheck = undefined;
        const nextDelayMs = retryDelay(policy, failure, { attempts: attempt, elapsedMs: Date.now() - started });
        cast.onFailedAttempt?.({ attempt, failure, nextDelayMs });
        if (nextDelayMs === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, nextDelayMs));
      }
    }
  }

  /**
   * Self sign-up, as Cognito's pre-sign-up trigger requires it: a ticket from the vote API first
   * (a human check solved, within the network's and the device's sign-up limits), then Cognito's
   * SignUp with the ticket. A refused ticket is thrown as the API's refusal (RATE_LIMITED with
   * details.retryAfterSeconds, CHALLENGE_*), before Cognito is asked.
   */
  const cognitoSignUp = auth.signUp.bind(auth);
  auth.signUp = async (email: string, password: string, ticket?: string) => {
    if (ticket) return cognitoSignUp(email, password, ticket);
    const humanCheck = await vote.signUp.challenge.query().then(solve);
    const issued = await vote.signUp.ticket.mutate({ email, humanCheck });
    return cognitoSignUp(email, password, issued.ticket);
  };

  /** A closed election's published audit bundle, as a file to download (the results service serves it). */
  const auditBundleUrl = (electionId: string) =>
    `${options.urls.results}/v1/elections/${encodeURIComponent(electionId)}/audit-bundle.json`;

  return {
    auth,
    vote,
    control,
    results,
    ensureDevice,
    passkeyOfDevice,
    registerPasskey,
    prepareHumanCheck,
    castBallot,
    auditBundleUrl,
  };
}

export type LandslideClient = ReturnType<typeof createLandslideClient>;
