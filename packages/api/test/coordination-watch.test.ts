import { afterAll, beforeAll, expect, it } from "vitest";
import { auditBundleSchema, DEMO_ELECTION_ID, ELECTION_READ_MAX_AGE_MS, verifyBundle } from "@landslide/vote-engine";
import { nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { type Deployment, startDeployment } from "../src/testing/index";
import { WITHHELD_WITH_GROUP } from "../src/aggregator/coordination-watch";
import { type Actor, actors, BROWSER, farmBallot, inBatches, personBallot, seeded } from "./bot-scenario-actors";
import { waitFor } from "./wait-for";

/**
 * The stream-side coordination watch, through the running services: a farm's first casts from
 * one /24 look clean and are counted; from its fifth the vote API holds the rest; the watch beside
 * the aggregator then takes the first ones back, so none of the farm counts. The official
 * releases the group, and it counts once. The published bundle proves every step.
 */
const PEOPLE = 30;
const BOTS = 8;

let stack: TestStack;
let deployment: Deployment;
let scene: ReturnType<typeof actors>;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  // The test plays the load balancer in front: trusted, it tells the services each client's address.
  deployment = await startDeployment(stack, {
    LANDSLIDE_TRUSTED_PROXIES: "127.0.0.1",
    LANDSLIDE_AUDIT_EPOCH_RECORDS: "16",
    LANDSLIDE_AUDIT_EPOCH_SECONDS: "1",
  });
  scene = actors(stack, deployment);
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const verifyWith = { sha256: nodeEntropy.sha256, verifyEd25519 };

it("takes a farm's counted ballots back when its group shows, lets an official release the group to count once, and the bundle proves it", async () => {
  const { actor, createAndSignIn, staff } = scene;
  const random = seeded(7);
  const options = { userAgent: BROWSER, webdriver: false };
  const people = Array.from({ length: PEOPLE }, (_, i) =>
    actor("people alone", i, `10.${30 + i}.${i}.${(i * 7) % 250}`, personBallot(random), options),
  );
  const farm = Array.from({ length: BOTS }, (_, i) =>
    actor("evasive farm", i, `192.0.2.${1 + i}`, farmBallot("harbour"), options),
  );
  await inBatches([...people, ...farm], 1, createAndSignIn);
  const official = await staff("official@demo.landslide.test");
  const snapshot = () => people[0]!.client.results.results.snapshot.query({ electionId: DEMO_ELECTION_ID });

  const cast = async (a: Actor) => ({
    actor: a,
    ...(await a.client.castBallot({ electionId: DEMO_ELECTION_ID, ballot: a.ballot })),
  });
  await inBatches([...people, ...farm], 20, (a) => a.client.prepareHumanCheck());
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const byPeople = await inBatches(people, 10, cast);
  const byFarm = await inBatches(farm, 1, cast);
  expect(byPeople.map((o) => o.decision)).toEqual(people.map(() => "accepted"));
  // At cast time the group shows from its fifth ballot: the first four are counted.
  expect(byFarm.map((o) => o.decision)).toEqual([
    "accepted",
    "accepted",
    "accepted",
    "accepted",
    "quarantined",
    "quarantined",
    "quarantined",
    "quarantined",
  ]);

  // The watch takes the four back: every farm ballot waits for review, none is in the count.
  const cases = await waitFor(async () => {
    const open = await official.control.official.fraud.list.query({
      electionId: DEMO_ELECTION_ID,
      state: "quarantined",
    });
    return open.length === BOTS ? open : undefined;
  }, 30_000);
  const live = await waitFor(async () => {
    const s = await snapshot();
    return s.turnout === PEOPLE && s.quarantined === BOTS ? s : undefined;
  }, 15_000);
  const otter = live.questions.find((q) => q.id === "mascot")!.options.find((o) => o.id === "otter")!.votes;
  const firstFour = byFarm.slice(0, 4).map((o) => o.receipt.receiptId);
  const withheld = cases.filter((c) => c.reasons.includes(WITHHELD_WITH_GROUP));
  expect(withheld.map((c) => c.receiptId).sort()).toEqual([...firstFour].sort());
  // Each case keeps what grouped it: every farm ballot is in one same-network group, which officials decide at once.
  const { groups } = await official.control.official.fraud.groups.query({ electionId: DEMO_ELECTION_ID });
  const network = groups.find((g) => g.kind === "same-network" && g.key === "192.0.2.0/24");
  expect(network?.voterKeys.length).toBe(BOTS);
  // The voter holding a withheld receipt is told it waits for review, not that it is counted.
  expect(await farm[0]!.client.results.audit.receipt.query({ receiptId: firstFour[0]! })).toEqual({
    status: "under-review",
  });
  // The watch's hold is in the audit trail, under its own name, with the keys it took back.
  const trail = await official.control.official.audit.list.query({
    electionId: DEMO_ELECTION_ID,
    action: "fraud.withhold",
  });
  expect(trail.map((r) => r.actor)).toEqual(trail.map(() => "coordination watch"));
  expect(trail.flatMap((r) => (r.details as { voterKeys: string[] }).voterKeys).sort()).toEqual(
    withheld.map((c) => c.voterKey).sort(),
  );

  // The official looks, decides the farm was a real club after all, and releases the group: it counts once.
  const released = await official.control.official.fraud.release.mutate({
    electionId: DEMO_ELECTION_ID,
    voterKeys: network!.voterKeys.slice(),
    reason: "the rowing club voting together, confirmed by phone",
  });
  expect(released.changed).toBe(BOTS);
  await waitFor(async () => {
    const s = await snapshot();
    return s.turnout === PEOPLE + BOTS && s.quarantined === 0 ? s : undefined;
  }, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 2000)); // time for a double count to show, were there one
  const after = await snapshot();
  expect([after.turnout, after.quarantined]).toEqual([PEOPLE + BOTS, 0]);
  expect(after.questions.find((q) => q.id === "mascot")!.options.find((o) => o.id === "otter")!.votes).toBe(
    otter + BOTS,
  );

  // Closed, the bundle verifies: ballot, withdrawal and reinstatement for each of the four, and every ballot counted once.
  const closed = await official.control.official.elections.transition.mutate({
    electionId: DEMO_ELECTION_ID,
    to: "closed",
    reason: "polls closed",
  });
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
  );
  const bundle = await waitFor(async () => {
    const download = await fetch(`${deployment.urls.results}/v1/elections/${DEMO_ELECTION_ID}/audit-bundle.json`);
    return download.status === 200 ? auditBundleSchema.parse(await download.json()) : undefined;
  }, 15_000);
  const report = await verifyBundle(verifyWith, bundle);
  expect(report.discrepancies).toEqual([]);
  expect(bundle.result.counters.__turnout).toBe(PEOPLE + BOTS);
  const standings = (type: "withdrawal" | "reinstatement") =>
    bundle.records.flatMap((r) => (r.entry.type === type ? [r.entry.receiptId] : [])).sort();
  expect(standings("withdrawal")).toEqual([...firstFour].sort());
  expect(standings("reinstatement")).toEqual([...firstFour].sort());
  // Taken out of the bundle's ballots, a withheld one would be reported by name: the rule can fail.
  const withoutReinstatement = { ...bundle, records: bundle.records.filter((r) => r.entry.type !== "reinstatement") };
  expect((await verifyBundle(verifyWith, withoutReinstatement)).discrepancies.map((d) => d.code)).toEqual(
    expect.arrayContaining(["BALLOT_WITHDRAWN"]),
  );
}, 300_000);
