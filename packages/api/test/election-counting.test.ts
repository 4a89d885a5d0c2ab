import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoDbClient, DynamoDbElectionCopies } from "@landslide/vote-engine/dynamodb";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, type LandslideClient, memoryDeviceKeyStore, refusalOf } from "../src/client/index";
import { type Deployment, startDeployment } from "../src/testing/index";

/**
 * A question's counting method and an election's tie rule through the real services (control
 * API, vote API, results service) on Postgres and DynamoDB Local: stored and given back wherever
 * the definition goes, and every definition an official's client could forge to break a count
 * refused at the door with a reason, over HTTP.
 */
let stack: TestStack;
let deployment: Deployment;
let board: LandslideClient;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack);
  board = createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds.console,
    },
    deviceKeys: memoryDeviceKeyStore(),
  });
  const official = stack.provisioned.accounts.find((a) => a.group === "officials")!;
  await board.auth.signIn(official.email, official.password);
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const board3 = {
  id: "board",
  kind: "ranked" as const,
  prompt: "Elect the board",
  options: ["ada", "bo", "cy", "di"].map((id) => ({ id, label: id.toUpperCase() })),
  minChoices: 1,
  maxChoices: 4,
};
const lot = { rule: "lot" as const, seed: "published with the election, 2026-12-04" };

const create = (title: string, more: object) =>
  board.control.official.elections.create.mutate({
    // `more` is what a forged client may send: the input's type is the server's to check.
    election: { title, questions: [board3], ...more },
    reason: "counting test",
  });
const refused = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => refusalOf(error),
  );

describe("a question's counting method and the election's tie rule", () => {
  it("are stored and given back by the control API, the vote API, the results service and the data plane's copy; an edit that goes back to option order clears the lot", async () => {
    const counting = { method: "stv-meek" as const, seats: 3 };
    const created = await create("Board of four", { questions: [{ ...board3, counting }], tieRule: lot });
    expect(created).toMatchObject({ questions: [{ counting }], tieRule: lot });
    const [listed, voteApi, results] = await Promise.all([
      board.control.official.elections.list.query(),
      board.vote.elections.get.query({ electionId: created.id }).catch(() => undefined),
      board.results.elections.get.query({ electionId: created.id }).catch(() => undefined),
    ]);
    expect(listed.find((e) => e.id === created.id)).toMatchObject({ questions: [{ counting }], tieRule: lot });
    // A draft is not public: the vote API and the results service do not give it out yet.
    expect(voteApi).toBeUndefined();
    expect(results).toBeUndefined();
    const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
    try {
      const copy = await new DynamoDbElectionCopies(dynamodb, stack.provisioned.tables.elections).get(created.id);
      expect(copy).toMatchObject({ questions: [{ counting }], tieRule: lot });
    } finally {
      dynamodb.destroy();
    }

    const edited = await board.control.official.elections.update.mutate({
      electionId: created.id,
      election: { title: "Board of four", questions: [{ ...board3, counting }], tieRule: { rule: "option-order" } },
      reason: "ties by the ballot's order after all",
    });
    expect(edited.tieRule).toEqual({ rule: "option-order" });
    const stored = (await board.control.official.elections.list.query()).find((e) => e.id === created.id);
    expect(stored?.tieRule ?? { rule: "option-order" }).toEqual({ rule: "option-order" });
  });

  it("refuses, over HTTP, a method the question's ballots cannot feed, impossible seats, a guessable seed and a draw that leaves an option out, each as a bad request with its reason", async () => {
    const [wrongKind, tooManySeats, oneSeatMethod, shortSeed, scoreMethod, badDraw, unknownQuestion] =
      await Promise.all([
        refused(create("Wrong kind", { questions: [{ ...board3, counting: { method: "plurality", seats: 1 } }] })),
        refused(create("Seats", { questions: [{ ...board3, counting: { method: "stv-meek", seats: 4 } }] })),
        refused(create("One seat", { questions: [{ ...board3, counting: { method: "schulze", seats: 2 } }] })),
        refused(create("Seed", { tieRule: { rule: "lot", seed: "1234" } })),
        refused(create("Score", { questions: [{ ...board3, counting: { method: "star", seats: 1 } }] })),
        refused(create("Draw", { tieRule: { rule: "recorded-draw", draws: { board: ["di", "ada", "bo"] } } })),
        refused(
          create("Other", {
            tieRule: { rule: "recorded-draw", draws: { board: ["di", "ada", "bo", "cy"], x: ["a", "b"] } },
          }),
        ),
      ]);
    for (const [refusal, problem] of [
      [wrongKind, "plurality counts single questions, not ranked ones"],
      [tooManySeats, "a question needs more options than seats"],
      [oneSeatMethod, "schulze fills one seat"],
      [scoreMethod, "star counts score questions, not ranked ones"],
    ] as const) {
      expect(refusal).toMatchObject({ reason: "INVALID_INPUT", httpStatus: 400 });
      expect(JSON.stringify(refusal)).toContain(problem);
    }
    expect(shortSeed).toMatchObject({ reason: "INVALID_INPUT", httpStatus: 400 });
    expect(badDraw).toMatchObject({
      reason: "INVALID_TIE_RULE",
      httpStatus: 400,
      message: 'The recorded draw for the question "board" must list each of its options once.',
      details: { path: ["tieRule", "draws", "board"], questionId: "board" },
    });
    expect(unknownQuestion).toMatchObject({
      reason: "INVALID_TIE_RULE",
      message: 'The recorded draw names the question "x", which the election does not ask.',
    });
    // Nothing of any of them was stored.
    const titles = (await board.control.official.elections.list.query()).map((e) => e.title);
    for (const title of ["Wrong kind", "Seats", "One seat", "Seed", "Score", "Draw", "Other"])
      expect(titles).not.toContain(title);
  });
});
