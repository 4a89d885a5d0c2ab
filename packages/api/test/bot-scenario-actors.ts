import { randomUUID } from "node:crypto";
import { AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createCognitoClient, ensureAccountWithPassword } from "@landslide/vote-engine/cognito";
import { createDynamoDbClient, DynamoDbDeviceStore, tableNames } from "@landslide/vote-engine/dynamodb";
import type { TestStack } from "@landslide/vote-engine/testing";
import {
  createLandslideClient,
  type DeviceKey,
  type LandslideClient,
  memoryDeviceKeyStore,
  type NetworkCategory,
  networkListParts,
  type PasskeyAuthenticator,
  readNetworkList,
} from "../src/client/index";
import { type Deployment, SoftwareAuthenticator } from "../src/testing/index";

/** Who plays in bot-scenario.test.ts, and how each gets an account, a device and (some) a passkey. */

export const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
export const HEADLESS =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";

/** The voter site's page a passkey ceremony runs on, as the deployment is told to expect (browsers refuse WebAuthn on an IP address). */
export const PASSKEY_ORIGIN = "http://localhost:3000";
export const PASSKEY_RP_ID = "localhost";

export type Group =
  | "people alone"
  | "people behind one CGNAT address"
  | "people in a classroom /24"
  | "naive farm"
  | "evasive farm"
  | "evasive farm, one address"
  | "evasive farm with passkeys"
  | "evasive farm from a data centre"
  | "evasive farm from a listed abuse network"
  | "stuffed accounts, one /24"
  | "stuffed accounts, one per /24";

/** An authenticator that counts what it signs, so the test knows each cast it sent was signed by the passkey. */
export interface CountingAuthenticator extends PasskeyAuthenticator {
  readonly signatures: number;
}

function counting(authenticator: PasskeyAuthenticator): CountingAuthenticator {
  let signatures = 0;
  return {
    get signatures() {
      return signatures;
    },
    register: (options) => authenticator.register(options),
    sign: (request) => {
      signatures += 1;
      return authenticator.sign(request);
    },
  };
}

export interface Actor {
  readonly group: Group;
  readonly email: string;
  /** Where it calls from, as the load balancer in front reports it. */
  readonly address: string;
  readonly client: LandslideClient;
  readonly ballot: unknown;
  /** The software authenticator its passkey lives in, when it registers one. */
  readonly passkey?: CountingAuthenticator;
  /** A leaked account the farm took over (ActorOptions.stuffed). */
  readonly stuffed?: true;
}

export interface ActorOptions {
  readonly userAgent: string;
  readonly webdriver: boolean;
  /** A device key shared with others (the naive farm's); by default a fresh one. */
  readonly device?: DeviceKey;
  /** Registers a passkey of its own before casting, in a software authenticator (what a farm writes; a person's phone answers the same). */
  readonly passkey?: boolean;
  /**
   * A real person's account whose password leaked: its owner bound a phone to it two months ago,
   * and the farm signs in with the password and binds a device of its own (credential stuffing).
   */
  readonly stuffed?: boolean;
}

/** How long before the polls a stuffed account's owner bound their phone. */
const OWNER_BOUND_MS = 60 * 24 * 3600_000;

/** The scenario's actors, against one deployment: each calls from `address`, as the load balancer in front reports it. */
export function actors(stack: TestStack, deployment: Deployment) {
  function actor(group: Group, index: number, address: string, ballot: unknown, options: ActorOptions): Actor {
    const email = `${group.replace(/\W+/g, "-")}.${index}.${Date.now()}@scenario.example`;
    const passkey = options.passkey
      ? counting(new SoftwareAuthenticator({ origin: PASSKEY_ORIGIN, rpId: PASSKEY_RP_ID }))
      : undefined;
    const client = createLandslideClient({
      urls: deployment.urls,
      cognito: {
        region: stack.target.region,
        endpoint: stack.target.cognitoEndpoint,
        clientId: stack.provisioned.clientIds["voter-web"],
      },
      deviceKeys: memoryDeviceKeyStore(options.device),
      userAgent: options.userAgent,
      clientHints: () => ({ webdriver: options.webdriver }),
      ...(passkey ? { passkeys: passkey } : {}),
      // The load balancer appends the address it saw.
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), "x-forwarded-for": address },
        }),
    });
    return {
      group,
      email,
      address,
      client,
      ballot,
      ...(passkey ? { passkey } : {}),
      ...(options.stuffed ? { stuffed: true } : {}),
    };
  }

  /**
   * Every actor gets its account from the admin API, as provisioning creates accounts: this test
   * measures the checks at cast time, not sign-up, whose own limits (five per network per ten
   * minutes) would stop a farm's /24 first and are attacked in test/attacks/sign-up-abuse.test.ts.
   * Then each signs in and binds its device through the SDK, from its own address, as it would,
   * and those with an authenticator back the device with a passkey.
   */
  async function createAndSignIn({ email, client, passkey, stuffed }: Actor) {
    const password = "Scenario-Passw0rd-long";
    const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
    try {
      await ensureAccountWithPassword(cognito, stack.provisioned.userPoolId, { email, group: "voters" }, password);
      if (stuffed) await bindOwnersPhone(cognito, email);
    } finally {
      cognito.destroy();
    }
    await client.auth.signIn(email, password);
    await client.ensureDevice();
    if (passkey) await client.registerPasskey();
  }

  /**
   * The account's history before the farm took it over: its owner's phone, bound two months ago.
   * Written as the vote API writes a binding (the device store), since the test cannot wait two months.
   */
  async function bindOwnersPhone(cognito: ReturnType<typeof createCognitoClient>, email: string) {
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: stack.provisioned.userPoolId, Username: email }),
    );
    const sub = user.UserAttributes?.find((a) => a.Name === "sub")?.Value;
    if (!sub) throw new Error(`no sub for ${email}`);
    const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
    try {
      await new DynamoDbDeviceStore(dynamodb, tableNames(stack.target.tablePrefix).devices).bind(
        sub,
        `owners-phone-${randomUUID()}`,
        new Date(Date.now() - OWNER_BOUND_MS),
      );
    } finally {
      dynamodb.destroy();
    }
  }

  /** A demo account (operator, official) signed in on the console. */
  async function staff(email: string): Promise<LandslideClient> {
    const account = stack.provisioned.accounts.find((a) => a.email === email);
    if (!account) throw new Error(`no demo account ${email}`);
    const client = createLandslideClient({
      urls: deployment.urls,
      cognito: {
        region: stack.target.region,
        endpoint: stack.target.cognitoEndpoint,
        clientId: stack.provisioned.clientIds.console,
      },
      deviceKeys: memoryDeviceKeyStore(),
    });
    await client.auth.signIn(email, account.password);
    return client;
  }

  return { actor, createAndSignIn, staff };
}

/** A threat feed imported as `election threats import` sends it: read, staged in parts, made live whole. */
export async function importNetworkList(
  operator: LandslideClient,
  list: { name: string; category: NetworkCategory; text: string; reason: string },
) {
  const { intervals } = readNetworkList(list.text);
  const parts = networkListParts(intervals);
  const importId = randomUUID();
  for (const [i, part] of parts.entries()) {
    await operator.control.operator.networkLists.stage.mutate({
      name: list.name,
      importId,
      part: i + 1,
      intervals: { v4: part.v4.map(([a, b]) => [a, b]), v6: part.v6.map(([a, b]) => [a, b]) },
    });
  }
  return operator.control.operator.networkLists.commit.mutate({
    name: list.name,
    importId,
    parts: parts.length,
    category: list.category,
    ranges: intervals.v4.length + intervals.v6.length,
    source: `${list.name}.txt`,
    reason: list.reason,
  });
}

export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

/** A seeded source, so that a failure replays. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A person's ballot on the demo election: a population that leans (40% fox), choices their own. */
export function personBallot(random: () => number) {
  const r = random();
  const mascot = r < 0.4 ? "fox" : r < 0.75 ? "heron" : "otter";
  const parks = ["hilltop", "riverside", "harbour"].filter(() => random() < 0.5);
  const chair = ["ada", "bruno", "chen"].sort(() => random() - 0.5);
  return {
    answers: {
      mascot: { choices: [mascot] },
      parks: { choices: parks.length > 0 ? parks : ["riverside"] },
      "council-chair": { choices: chair },
    },
  };
}

/** A farm's ballot: otter and the parks it is paid for. Otter with any one set of parks is about one person's ballot in 32. */
export const farmBallot = (...parks: string[]) => ({
  answers: {
    mascot: { choices: ["otter"] },
    parks: { choices: parks },
    "council-chair": { choices: ["chen", "ada", "bruno"] },
  },
});

export interface Outcome {
  readonly actor: Actor;
  /**
   * "accepted", "quarantined", or the refusal's reason; "withheld" for an accepted ballot the
   * stream-side watch took back for review with its group (aggregator/coordination-watch.ts).
   */
  readonly result: string;
  readonly receiptId?: string;
}

export interface RowSummary {
  readonly total: number;
  /** Counted in the end: accepted at the cast, and not withheld after. */
  readonly accepted: number;
  readonly held: number;
  readonly withheld: number;
  readonly refused: number;
  readonly reasons: ReadonlyMap<string, number>;
}

export function summarise(outcomes: readonly Outcome[]): RowSummary {
  const count = (result: string) => outcomes.filter((o) => o.result === result).length;
  const reasons = new Map<string, number>();
  for (const o of outcomes) reasons.set(o.result, (reasons.get(o.result) ?? 0) + 1);
  const [accepted, held, withheld] = [count("accepted"), count("quarantined"), count("withheld")];
  return {
    total: outcomes.length,
    accepted,
    held,
    withheld,
    refused: outcomes.length - accepted - held - withheld,
    reasons,
  };
}

export const formatRow = (label: string, s: RowSummary) =>
  `${label.padEnd(44)} ${String(s.total).padStart(3)}: ${s.accepted} counted, ${s.held} held, ${s.withheld} withheld later, ${s.refused} refused (${[...s.reasons].map(([r, n]) => `${n} ${r}`).join(", ")})`;
