import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { type InteractionSummary, refusalOf } from "../../src/client/index";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { type Actor, actors, BROWSER, personBallot, seeded } from "../bot-scenario-actors";
import { waitFor } from "../wait-for";

/**
 * Attack: a farm drives the voter site's API from a script, claiming a browser, and says what it
 * likes about how the ballot was filled in. The report is a hint, never a defence: a plausible
 * forgery passes (as it would for a person), a report no person produces is a weak signal
 * (IMPLAUSIBLE_INTERACTION, 35; with a new account's 15 it holds the ballot), and a malformed one
 * is refused before anything is stored.
 */
let stack: TestStack;
let deployment: Deployment;
let scene: ReturnType<typeof actors>;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack);
  scene = actors(stack, deployment);
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const random = seeded(4);
const report = (overrides: Partial<InteractionSummary>): InteractionSummary => ({
  msOnBallot: 21_000,
  pointerPresses: 5,
  pointerMoves: 140,
  keyPresses: 2,
  focusChanges: 6,
  pressGapVariation: 0.74,
  ...overrides,
});

/** A new account (as every account here is) that casts a person's ballot after a person's pause, with `interaction` as its report. */
async function castWith(index: number, interaction: InteractionSummary | undefined) {
  const voter: Actor = scene.actor("people alone", index, "127.0.0.1", personBallot(random), {
    userAgent: BROWSER,
    webdriver: false,
  });
  await scene.createAndSignIn(voter);
  await voter.client.prepareHumanCheck();
  await new Promise((resolve) => setTimeout(resolve, 1600)); // past the fast-solve line: only the report is under test
  const cast = await voter.client.castBallot({
    electionId: DEMO_ELECTION_ID,
    ballot: voter.ballot,
    ...(interaction ? { interaction } : {}),
  });
  return { voter, cast };
}

describe("what the voter site reports of how a ballot was filled in", () => {
  it("holds a ballot reported filled in without a press or on a timer, counts a plausible or absent report, and names the signal to the official", async () => {
    const untouched = await castWith(
      0,
      report({ pointerPresses: 0, keyPresses: 0, pointerMoves: 0, pressGapVariation: null }),
    );
    const onATimer = await castWith(1, report({ pointerPresses: 9, keyPresses: 3, pressGapVariation: 0.02 }));
    const plausible = await castWith(2, report({}));
    const keyboardOnly = await castWith(
      3,
      report({ pointerPresses: 0, pointerMoves: 0, keyPresses: 14, pressGapVariation: 0.9 }),
    );
    const noReport = await castWith(4, undefined);
    expect([untouched, onATimer].map((c) => c.cast.decision)).toEqual(["quarantined", "quarantined"]);
    // A keyboard-only voter (no pointer at all) and a client that sends no report are people too.
    expect([plausible, keyboardOnly, noReport].map((c) => c.cast.decision)).toEqual([
      "accepted",
      "accepted",
      "accepted",
    ]);

    const official = await scene.staff("official@demo.landslide.test");
    const cases = await waitFor(async () => {
      const open = await official.control.official.fraud.list.query({
        electionId: DEMO_ELECTION_ID,
        state: "quarantined",
      });
      return open.length === 2 ? open : undefined;
    });
    for (const c of cases)
      expect(c.reasons).toEqual(expect.arrayContaining(["IMPLAUSIBLE_INTERACTION", "NEW_ACCOUNT"]));
  }, 120_000);

  it("refuses a malformed report (a negative count, an unknown field, a huge number) as BAD_REQUEST and stores nothing", async () => {
    const voter = scene.actor("people alone", 10, "127.0.0.1", personBallot(random), {
      userAgent: BROWSER,
      webdriver: false,
    });
    await scene.createAndSignIn(voter);
    const forged = [
      { ...report({}), pointerPresses: -1 },
      { ...report({}), coordinates: [[10, 20]] },
      { ...report({}), msOnBallot: 1e12 },
    ];
    for (const interaction of forged) {
      const failure = await voter.client
        .castBallot({ electionId: DEMO_ELECTION_ID, ballot: voter.ballot, interaction })
        .catch((error: unknown) => error);
      expect(refusalOf(failure)?.httpStatus, JSON.stringify(interaction)).toBe(400);
    }
    expect(await voter.client.vote.voter.myReceipt.query({ electionId: DEMO_ELECTION_ID })).toBeNull();
  }, 60_000);
});
