import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@landslide/local-stack";
import { createCognitoClient, ensureAccountWithPassword, generatePassword } from "@landslide/vote-engine/cognito";
import { createDynamoDbClient, DynamoDbElectionCopies } from "@landslide/vote-engine/dynamodb";
import { connectControlPlane, ElectionsRepository } from "@landslide/vote-engine/postgres";
import { ELECTION_READ_MAX_AGE_MS } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, type LandslideClient, memoryDeviceKeyStore, refusalOf } from "../src/client/index";
import { RECONCILE_EVERY_MS } from "../src/elections/reconcile-copies";
import {
  type Deployment,
  serviceEnvironment,
  startDeployment,
  startService,
  waitForService,
} from "../src/testing/index";
import { waitFor } from "./wait-for";

/**
 * Voting needs no control-plane database: a vote API and a results service whose Postgres is
 * unreachable still take casts and show results, and every change an official makes in the
 * control API reaches them through the data plane's copy of the election.
 */
let stack: TestStack;
let deployment: Deployment;
let cutOff: { voteApi: string; results: string; stop(): Promise<void> };

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack, {
    LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: "100000",
    LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
  });
  // A second vote API and results service, as tasks in a zone that lost the database: nothing listens at their DATABASE_URL.
  const [votePort, resultsPort, deadPort] = [await freePort(), await freePort(), await freePort()];
  const env = (port: number) => ({
    ...serviceEnvironment(stack, port),
    DATABASE_URL: `postgres://landslide:unreachable@127.0.0.1:${deadPort}/landslide`,
    LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: "100000",
    LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
    LANDSLIDE_LOG_LEVEL: "warn",
  });
  const names = ["vote-api", "results"] as const;
  const services = [startService(names[0], env(votePort)), startService(names[1], env(resultsPort))];
  const urls = [`http://127.0.0.1:${votePort}`, `http://127.0.0.1:${resultsPort}`] as const;
  await Promise.all(urls.map((url, i) => waitForService(url, names[i]!, services[i]!)));
  cutOff = {
    voteApi: urls[0],
    results: urls[1],
    async stop() {
      for (const s of services) s.child.kill("SIGTERM");
      await Promise.all(services.map((s) => s.exited));
    },
  };
}, 180_000);
afterAll(async () => {
  await cutOff?.stop();
  await deployment?.stop();
  await stack?.stop();
});

/** A client whose votes and results go to the tasks without a database; officials use the real control API. */
function client(app: "voter-web" | "console"): LandslideClient {
  return createLandslideClient({
    urls: { voteApi: cutOff.voteApi, controlApi: deployment.urls.controlApi, results: cutOff.results },
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds[app],
    },
    deviceKeys: memoryDeviceKeyStore(),
    userAgent: "landslide-test/1.0",
  });
}

async function voter(name: string): Promise<LandslideClient> {
  const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
  try {
    const email = `${name}@data-plane.landslide.test`;
    const password = generatePassword();
    await ensureAccountWithPassword(cognito, stack.provisioned.userPoolId, { email, group: "voters" }, password);
    const signedIn = client("voter-web");
    await signedIn.auth.signIn(email, password);
    await signedIn.ensureDevice();
    return signedIn;
  } finally {
    cognito.destroy();
  }
}

async function official(): Promise<LandslideClient> {
  const signedIn = client("console");
  const account = stack.provisioned.accounts.find((a) => a.group === "officials")!;
  await signedIn.auth.signIn(account.email, account.password);
  return signedIn;
}

const ballot = (choice: string) => ({ answers: { q: { choices: [choice] } } });

/** An official creates a one-question election through the real control API and opens it. */
async function openElection(board: LandslideClient, title: string): Promise<{ id: string }> {
  const election = await board.control.official.elections.create.mutate({
    election: {
      title,
      questions: [
        {
          id: "q",
          kind: "single",
          prompt: "Go on?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
      ],
    },
    reason: "data plane test",
  });
  await board.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  return election;
}

describe("voting without the control-plane database", () => {
  it("takes casts and shows results for an election created and opened a moment ago", async () => {
    const election = await openElection(await official(), "Without Postgres");

    // No wait: the open was published before the control API answered, and the vote API had no copy cached.
    const ada = await voter("ada");
    const cast = await ada.castBallot({ electionId: election.id, ballot: ballot("yes") });
    expect(cast.decision).toBe("accepted");
    const snapshot = await waitFor(async () => {
      const s = await ada.results.results.snapshot.query({ electionId: election.id });
      return s.turnout === 1 ? s : undefined;
    });
    // ...and both stay in the load balancer: ready, whatever Postgres does.
    for (const base of [cutOff.voteApi, cutOff.results]) expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(snapshot.questions[0]?.options).toEqual([
      { id: "yes", label: "Yes", votes: 1 },
      { id: "no", label: "No", votes: 0 },
    ]);
  });

  it("obeys a pause from its effective instant and a resume within the copy's age bound", async () => {
    const board = await official();
    const election = await openElection(board, "Pause and resume");
    const [bea, cem] = await Promise.all([voter("bea"), voter("cem")]);
    await Promise.all([bea.prepareHumanCheck(), cem.prepareHumanCheck()]);

    const paused = await board.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "paused",
      reason: "a fire drill",
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(paused.effectiveAt) - Date.now())));
    const refused = await bea
      .castBallot({ electionId: election.id, ballot: ballot("no") })
      .catch((error: unknown) => refusalOf(error)?.reason);
    expect(refused).toBe("ELECTION_NOT_OPEN");

    const resumed = await board.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "all clear",
    });
    // Every task's copy is at most ELECTION_READ_MAX_AGE_MS old: by then the resume is seen everywhere.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(resumed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
    );
    const cast = await cem.castBallot({ electionId: election.id, ballot: ballot("no") });
    expect(cast.decision).toBe("accepted");
  });

  it("reaches an election the control API stored but never published (a task killed between its commit and its publish) within the reconcile period", async () => {
    const control = connectControlPlane(stack.target.databaseUrl);
    const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
    try {
      const id = crypto.randomUUID();
      const stored = await new ElectionsRepository(control.db).insert({
        id,
        title: "Stored, not yet published",
        description: "",
        status: "open",
        allowAbstain: false,
        eligibility: "any-signed-in-voter",
        passkeyPolicy: "optional",
        opensAt: null,
        closesAt: null,
        questions: [
          {
            id: "q",
            kind: "single",
            prompt: "Seen?",
            minChoices: 1,
            maxChoices: 1,
            options: [
              { id: "yes", label: "Yes" },
              { id: "no", label: "No" },
            ],
          },
        ],
      });
      const copies = new DynamoDbElectionCopies(dynamodb, stack.provisioned.tables.elections);
      const started = Date.now();
      const copy = await waitFor(() => copies.get(id), RECONCILE_EVERY_MS + 5000, 100);
      expect(copy).toEqual(stored);
      expect(Date.now() - started).toBeLessThan(RECONCILE_EVERY_MS + 2000);
      const dan = await voter("dan");
      expect((await dan.castBallot({ electionId: id, ballot: ballot("yes") })).decision).toBe("accepted");
    } finally {
      dynamodb.destroy();
      await control.close();
    }
  });
});
