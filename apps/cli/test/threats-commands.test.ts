import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LandslideClient, refusalOf } from "@landslide/api/client";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { createCognitoClient, ensureAccountWithPassword } from "@landslide/vote-engine/cognito";
import { type CliDeployment, json, startCliDeployment } from "./cli-deployment";

/**
 * Threat feeds from the terminal, end to end: an operator imports a list with the real `election`
 * binary, and the running vote API weighs it within a refresh, without a restart; removing it
 * takes it back. The test plays the trusted proxy in front, so it says where each voter is.
 */

const OPERATOR = "operator@demo.landslide.test";
const OFFICIAL = "official@demo.landslide.test";
const BALLOT = {
  answers: {
    mascot: { choices: ["heron"] },
    parks: { choices: ["riverside"] },
    "council-chair": { choices: ["ada", "bruno", "chen"] },
  },
};

let cli: CliDeployment;

beforeAll(async () => {
  cli = await startCliDeployment("threats-cli", {
    LANDSLIDE_NETWORK_LISTS_REFRESH_SECONDS: "1",
    LANDSLIDE_TRUSTED_PROXIES: "127.0.0.1",
    // The demo voters are new accounts casting the instant they sign in: those signals are off, so a list's alone decides.
    LANDSLIDE_RISK_NEW_ACCOUNT_SECONDS: "0",
    LANDSLIDE_RISK_FAST_SOLVE_MS: "0",
  });
  const login = await cli.electionWithStdin(
    ["login", "--email", OPERATOR, "--password-stdin"],
    `${cli.password(OPERATOR)}\n`,
  );
  expect(login.code, login.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await cli?.stop();
});

const PASSWORD = "Threats-Passw0rd-long";
let voters = 0;

/** A new voter (from the admin API, as provisioning makes accounts) casting from `address`, as the load balancer would report it. */
async function castFrom(address: string): Promise<string> {
  const email = `threats.${(voters += 1)}.${Date.now()}@example.test`;
  const cognito = createCognitoClient({ region: cli.stack.target.region, endpoint: cli.stack.target.cognitoEndpoint });
  try {
    await ensureAccountWithPassword(cognito, cli.stack.provisioned.userPoolId, { email, group: "voters" }, PASSWORD);
  } finally {
    cognito.destroy();
  }
  const voter = cli.client("voter-web", {
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "x-forwarded-for": address } }),
  });
  await voter.auth.signIn(email, PASSWORD);
  return (await voter.castBallot({ electionId: DEMO_ELECTION_ID, ballot: BALLOT })).decision;
}

/** Casts (each by a new voter) until the answer is `wanted`: the vote API picks a list up on its next refresh. */
async function castUntil(address: string, wanted: string): Promise<string> {
  let last = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    last = await castFrom(address);
    if (last === wanted) return last;
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
  return last;
}

describe("election threats", () => {
  it("imports a list the vote API weighs within a refresh, lists it, and removes it again", async () => {
    expect(await castFrom("203.0.113.9")).toBe("accepted");

    const file = join(cli.scratch, "Known Abuse.txt");
    writeFileSync(
      file,
      ["# networks known for abuse", "203.0.113.0/24", "2001:db8::/32", "not-an-address", "198.51.100.7 ; SBL123"].join(
        "\n",
      ),
    );
    const imported = await cli.election([
      "threats",
      "import",
      file,
      "--category",
      "abuse",
      "--reason",
      "abuse feed of 2 December",
      "--json",
    ]);
    // One line could not be read: listed, the rest imported, exit 1.
    expect(imported.code, imported.stderr).toBe(1);
    expect(json(imported)).toMatchObject({
      name: "known-abuse",
      category: "abuse",
      entries: 3,
      ranges: 3,
      source: "Known Abuse.txt",
      importedBy: OPERATOR,
      errors: [{ line: 4, text: "not-an-address" }],
    });

    const listed = await cli.election(["threats", "list", "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(json<{ lists: Array<{ name: string; ranges: number }> }>(listed).lists).toEqual([
      expect.objectContaining({ name: "known-abuse", ranges: 3 }),
    ]);

    // Within a refresh a cast from the listed /24 is held for review (BAD_IP_RANGE); from elsewhere it is not.
    expect(await castUntil("203.0.113.10", "quarantined")).toBe("quarantined");
    expect(await castFrom("192.0.2.50")).toBe("accepted");

    const removed = await cli.election(["threats", "remove", "known-abuse", "--reason", "feed withdrawn", "--json"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await castUntil("203.0.113.11", "accepted")).toBe("accepted");
    const again = await cli.election(["threats", "remove", "known-abuse", "--reason", "feed withdrawn"]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/no network list named known-abuse/);
  }, 120_000);

  it("is for operators only: an official is refused, and every import and removal is in the audit trail", async () => {
    const official: LandslideClient = cli.client("console");
    await official.auth.signIn(OFFICIAL, cli.password(OFFICIAL));
    const refused = await official.control.operator.networkLists.list.query().catch((error: unknown) => error);
    expect(refusalOf(refused)).toMatchObject({ reason: "ROLE_REQUIRED" });
    const trail = await official.control.official.audit.list.query({ limit: 50 });
    const actions = trail.filter((entry) => entry.action.startsWith("network-list."));
    expect(actions.map((entry) => [entry.action, entry.actor, entry.reason])).toEqual(
      expect.arrayContaining([
        ["network-list.import", OPERATOR, "abuse feed of 2 December"],
        ["network-list.remove", OPERATOR, "feed withdrawn"],
      ]),
    );
  });
});
