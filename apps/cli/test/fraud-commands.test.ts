import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeviceKey, type LandslideClient, memoryDeviceKeyStore } from "@landslide/api/client";
import { DEMO_ELECTION_ID, type ResultsSnapshot } from "@landslide/vote-engine";
import type { FraudCase, HeldGroup } from "../src/lib/fraud-review";
import { type CliDeployment, json, oneLine, startCliDeployment } from "./cli-deployment";

/**
 * Fraud review from the terminal, end to end: three demo voters cast from one device with a
 * program that names no user agent (taken for a headless bot), their ballots are held, and an
 * official lists, inspects, releases one and voids the rest with the real `election` binary.
 */

const OFFICIAL = "official@demo.landslide.test";
const VOTERS = ["voter1@demo.landslide.test", "voter2@demo.landslide.test", "voter3@demo.landslide.test"];
const TITLE = "Landslide Demo Election";
const id = DEMO_ELECTION_ID;

let cli: CliDeployment;
/** The official through the SDK: to wait for the aggregator, and to read the audit trail. */
let official: LandslideClient;
/** The held ballots' voter keys, oldest first. */
let held: string[];

const election = (args: readonly string[]) => cli.election(args);

/** Cases are opened, and decisions reach the tally, through the aggregator's change stream: a moment later. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const snapshot = () => official.results.results.snapshot.query({ electionId: id }) as Promise<ResultsSnapshot>;
const cases = (state?: FraudCase["state"]) => official.control.official.fraud.list.query({ electionId: id, state });

beforeAll(async () => {
  cli = await startCliDeployment("fraud-cli");
  const { password, client } = cli;
  const login = await cli.electionWithStdin(
    ["login", "--email", OFFICIAL, "--password-stdin"],
    `${password(OFFICIAL)}\n`,
  );
  expect(login.code, login.stderr).toBe(0);
  official = client("cli", { userAgent: "landslide-fraud-test/1.0" });
  await official.auth.signIn(OFFICIAL, password(OFFICIAL));

  // One device, three accounts, no user agent: each ballot is held, and the three form a group.
  const device = await createDeviceKey();
  for (const email of VOTERS) {
    const voter = client("voter-web", { deviceKeys: memoryDeviceKeyStore(device) });
    await voter.auth.signIn(email, password(email));
    const cast = await voter.castBallot({
      electionId: id,
      ballot: {
        answers: {
          mascot: { choices: ["otter"] },
          parks: { choices: ["hilltop"] },
          "council-chair": { choices: ["chen"] },
        },
      },
    });
    expect(cast.decision).toBe("quarantined");
  }
  held = (
    await eventually(
      () => cases(),
      (c) => c.length === VOTERS.length,
    )
  ).map((c) => c.voterKey);
}, 180_000);
afterAll(async () => {
  await cli?.stop();
});

describe("election fraud list, show", () => {
  it("lists the held ballots and the group they form, shows one's evidence; a bad key is a usage error, an unknown one refused", async () => {
    const [listed, table, shown, shownJson, decided, unknown, malformed] = await Promise.all([
      election(["fraud", "list", id, "--json"]),
      election(["fraud", "list", id]),
      election(["fraud", "show", id, held[0]!]),
      election(["fraud", "show", id, held[0]!, "--json"]),
      election(["fraud", "list", id, "--state", "released"]),
      // Keys are base64url: one that starts with "-" is still a key, not a flag.
      election(["fraud", "show", id, "-no-such-voter-key-000"]),
      election(["fraud", "show", id, "short!"]),
    ]);

    expect(listed.code, listed.stderr).toBe(0);
    const list = json<{ title: string; state: null; cases: FraudCase[]; groups: HeldGroup[] }>(listed);
    expect(list).toMatchObject({ title: TITLE, state: null });
    expect(list.cases.map((c) => [c.voterKey, c.state])).toEqual(held.map((k) => [k, "quarantined"]));
    expect(list.cases[0]!.reasons).toContain("HEADLESS_CLIENT");
    const sameDevice = list.groups.find((g) => g.kind === "same-device");
    expect(sameDevice?.voterKeys.toSorted()).toEqual(held.toSorted());
    expect(sameDevice?.key).toBe(list.cases[0]!.deviceId);

    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^Landslide Demo Election: 3 held ballots \(3 open\)$/m);
    for (const key of held)
      expect(table.stdout).toMatch(
        new RegExp(`^${key} +quarantined +\\d+ +\\S+… +\\S+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ +#\\d`, "m"),
      );
    expect(table.stdout).toMatch(/^ {2}#\d +same-device +3 +device \S+$/m);

    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Held ballot ${held[0]} in ${TITLE}`);
    expect(shown.stdout).toMatch(/^ {2}state +held: not counted until an official releases or voids it$/m);
    expect(shown.stdout).toMatch(/^ {2}signals +.*a headless browser or a script, by its user agent/m);
    expect(shown.stdout).toMatch(/^ {2}risk score +\d+$/m);
    expect(shown.stdout).toMatch(/^ {2}cast +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/m);
    expect(shown.stdout).toMatch(/^ {2}groups +.*same-device \(3 ballots, device /m);
    expect(json(shownJson)).toMatchObject({
      voterKey: held[0],
      state: "quarantined",
      title: TITLE,
      deviceId: list.cases[0]!.deviceId,
    });

    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout.trim()).toBe(`No held ballot has been released in ${TITLE}.`);
    expect(unknown.code).toBe(3);
    expect(oneLine(unknown.stderr)).toMatch(/There is no such case in this election \(VOTE_NOT_FOUND\)\./);
    expect(malformed.code).toBe(2);
    expect(oneLine(malformed.stderr)).toContain("short! is not a voter key");
  });
});

describe("election fraud release, void", () => {
  it("releases one ballot, which counts once; releasing it again changes nothing, voiding it is refused; the rest are voided and never count", async () => {
    const [k1, ...rest] = held as [string, ...string[]];
    const before = await snapshot();
    expect(before).toMatchObject({ turnout: 0, quarantined: 3 });

    const [shortReason, noKeys, bothWays, badKey] = await Promise.all([
      election(["fraud", "void", id, ...rest, "--reason", "no"]),
      election(["fraud", "release", id, "--reason", "voter confirmed"]),
      election(["fraud", "release", id, k1, "--all-open", "--reason", "voter confirmed"]),
      election(["fraud", "void", id, k1, "-bad", "--reason", "voter confirmed"]),
    ]);
    for (const usage of [shortReason, noKeys, bothWays, badKey]) expect(usage.code, usage.stderr).toBe(2);
    expect(oneLine(shortReason.stderr)).toContain("Give a --reason of at least 3 characters");
    expect(oneLine(noKeys.stderr)).toContain(
      "Name the voter keys of the ballots to decide, or give --all-open (not both).",
    );
    expect(oneLine(badKey.stderr)).toContain("-bad is not a voter key");

    const released = await election(["fraud", "release", id, k1, "--reason", "voter confirmed by phone", "--json"]);
    expect(released.code, released.stderr).toBe(0);
    expect(json(released)).toEqual({
      electionId: id,
      decision: "released",
      reason: "voter confirmed by phone",
      changed: 1,
      outcomes: [{ voterKey: k1, state: "released", changed: true }],
    });
    await eventually(snapshot, (s) => s.turnout === 1 && s.quarantined === 2);

    const [again, voidReleased] = await Promise.all([
      election(["fraud", "release", id, k1, "--reason", "clicked twice"]),
      election(["fraud", "void", id, k1, "--reason", "changed my mind"]),
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^${k1} +released +already released$`, "m"));
    expect(again.stdout).toMatch(/^0 ballots released in Landslide Demo Election \(1 already released\)\./m);
    expect(voidReleased.code).toBe(3);
    expect(voidReleased.stdout).toMatch(
      new RegExp(`^${k1} +— +refused: This vote is released, not waiting for review\\. \\(NOT_QUARANTINED\\)$`, "m"),
    );

    // --all-open reads the open cases, which follow the decision through the aggregator.
    await eventually(
      () => cases("quarantined"),
      (open) => open.length === rest.length,
    );
    const voided = await election(["fraud", "void", id, "--all-open", "--reason", "one device, three accounts"]);
    expect(voided.code, voided.stderr).toBe(0);
    for (const key of rest) expect(voided.stdout).toMatch(new RegExp(`^${key} +voided +voided now$`, "m"));
    expect(voided.stdout).toMatch(/^2 ballots voided in Landslide Demo Election\. Voided ballots never count\.$/m);

    await eventually(snapshot, (s) => s.quarantined === 0);
    await eventually(
      () => cases("quarantined"),
      (open) => open.length === 0,
    );
    const [results, empty, shown] = await Promise.all([
      election(["results", id, "--json"]),
      election(["fraud", "list", id, "--state", "quarantined"]),
      election(["fraud", "show", id, rest[0]!]),
    ]);
    expect(results.code, results.stderr).toBe(0);
    const final = json<ResultsSnapshot>(results);
    expect(final).toMatchObject({ turnout: 1, quarantined: 0 });
    expect(final.questions[0]).toMatchObject({
      id: "mascot",
      options: [
        { id: "heron", votes: 0 },
        { id: "otter", votes: 1 },
        { id: "fox", votes: 0 },
      ],
    });
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/^No ballots are held for review in Landslide Demo Election\./);
    expect(shown.stdout).toMatch(/^ {2}state +voided: never counted$/m);
    expect(shown.stdout).toMatch(/^ {2}decided +\d{4}-/m);

    const trail = await official.control.official.audit.list.query({ electionId: id });
    const decisions = trail
      .filter((a) => a.action.startsWith("fraud."))
      .map((a) => ({ action: a.action, actor: a.actor, reason: a.reason, details: a.details }));
    expect(decisions).toEqual(
      expect.arrayContaining([
        {
          action: "fraud.release",
          actor: OFFICIAL,
          reason: "voter confirmed by phone",
          details: { voterKeys: [k1], decidedKeys: [k1], changed: 1 },
        },
        {
          action: "fraud.release",
          actor: OFFICIAL,
          reason: "clicked twice",
          details: { voterKeys: [k1], decidedKeys: [], changed: 0 },
        },
        {
          action: "fraud.void",
          actor: OFFICIAL,
          reason: "one device, three accounts",
          details: { voterKeys: rest, decidedKeys: rest, changed: 2 },
        },
      ]),
    );
  }, 90_000);
});
