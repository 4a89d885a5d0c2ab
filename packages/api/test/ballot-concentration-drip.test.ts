import { describe, expect, it } from "vitest";
import { BallotConcentration, ballotFingerprints, CONCENTRATION_DEFAULTS } from "../src/risk/ballot-concentration";

/**
 * Tier (d), the farms that take their time, which an HTTP test cannot play for hours: the detector
 * of COORDINATED_BALLOT driven directly on a simulated clock, beside hours of people.
 *
 * - a drip: one ballot every N from one /24, for hours;
 * - a spread: one ballot per address block (residential proxies), never two from one block;
 *
 * and what a spread does to a burst of the same farm from one /24, whose group it must stand out
 * from. The risk layer is played as the cast path plays it for an evasive farm, whose other
 * signals stay under the line: a cast the detector does not hold is accepted, into the baseline.
 *
 * Behind T vote-API tasks each task sees about 1/T of a block's casts (and its own share of
 * everyone's), so one task of T is simulated: people at the rate a task sees, the farm thinned to
 * 1/T. The farm's held share there is its held share overall.
 */
const ELECTION = "00000000-0000-4000-8000-00000000d219";
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOURS = 3;
const SPAN = HOURS * 60 * MINUTE;
/** People a task sees: a busy hour of a city's election on one task. */
const PEOPLE_PER_MINUTE = 20;
const FARM_BLOCK = "203.0.113.0/24";
/**
 * A drip from one block is caught when the window (which forgets a cast exactly a window old)
 * holds minGroup of its casts: when it comes more often than every window / (minGroup − 1).
 */
const SLOWEST_CAUGHT = CONCENTRATION_DEFAULTS.windowMs / (CONCENTRATION_DEFAULTS.minGroup - 1);

interface Cast {
  readonly at: number;
  readonly block: string;
  readonly fingerprints: readonly string[];
  readonly farm: boolean;
}

/** A seeded random source, so that a failure replays. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A person's ballot from a population that leans (40% fox), as in ballot-concentration.test.ts. */
function personBallot(random: () => number) {
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
/** About 3% of people vote it: rare enough for a group of five to stand out. */
const FARM = ballotFingerprints({
  answers: {
    mascot: { choices: ["otter"] },
    parks: { choices: ["harbour"] },
    "council-chair": { choices: ["chen", "ada", "bruno"] },
  },
});

/**
 * People arriving at random (a Poisson stream), from where people vote: most from a home network
 * of their own, a fifth behind four carrier addresses (CGNAT), a tenth from twenty offices and
 * campuses sharing a /24 each.
 */
function people(seed: number): Cast[] {
  const random = seeded(seed);
  const casts: Cast[] = [];
  for (let at = 0; ;) {
    at += -Math.log(1 - random()) * (MINUTE / PEOPLE_PER_MINUTE);
    if (at >= SPAN) return casts;
    const where = random();
    const block =
      where < 0.2
        ? `100.64.${Math.floor(random() * 4)}.0/24`
        : where < 0.3
          ? `198.51.${Math.floor(random() * 20)}.0/24`
          : `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.0/24`;
    casts.push({ at, block, fingerprints: ballotFingerprints(personBallot(random)), farm: false });
  }
}

/** One farm ballot every `intervalMs` from one /24, each sent to one of `tasks` tasks at random, as a load balancer spreads them. */
function drip(intervalMs: number, tasks: number, random: () => number): Array<Cast & { readonly task: number }> {
  const casts: Array<Cast & { readonly task: number }> = [];
  for (let at = intervalMs / 3; at < SPAN; at += intervalMs)
    casts.push({ at, block: FARM_BLOCK, fingerprints: FARM, farm: true, task: Math.floor(random() * tasks) });
  return casts;
}

/** Tasks simulated of T: their sum stands for the whole (each sees the same kind of people). */
const SAMPLED_TASKS = 4;

/** A drip behind `tasks` tasks: the farm's casts and held casts summed over the tasks simulated, and the people held there. */
function dripBehind(intervalMs: number, tasks: number, crowd: readonly Cast[], random: () => number) {
  const farm = drip(intervalMs, tasks, random);
  const slices = Array.from({ length: Math.min(tasks, SAMPLED_TASKS) }, (_, task) =>
    run(
      crowd,
      farm.filter((c) => c.task === task),
    ),
  );
  const sum = (of: (r: (typeof slices)[number]) => number) => slices.reduce((total, r) => total + of(r), 0);
  return {
    cast: sum((r) => r.farm.cast),
    held: sum((r) => r.farm.held),
    peopleCast: sum((r) => r.people.cast),
    peopleHeld: sum((r) => r.people.held),
  };
}

/** `perMinute` farm ballots a minute, each from a block no other of its casts uses. */
function spread(perMinute: number): Cast[] {
  return Array.from({ length: Math.floor((SPAN / MINUTE) * perMinute) }, (_, i) => ({
    at: (i + 0.5) * (MINUTE / perMinute),
    block: `11.${(i >> 8) & 255}.${i & 255}.0/24`, // 65,536 blocks of their own: more than any rate here sends in SPAN
    fingerprints: FARM,
    farm: true,
  }));
}

/** Every cast in time order through one detector, each by a voter of its own: held ones stay out of the baseline. */
function run(...streams: ReadonlyArray<readonly Cast[]>) {
  const detector = new BallotConcentration();
  const casts = streams.flat().sort((a, b) => a.at - b.at);
  const held = new Set<Cast>();
  casts.forEach((cast, i) => {
    const verdict = detector.observe(
      { election: ELECTION, block: cast.block, voter: `voter-${i}` },
      cast.fingerprints,
      cast.at,
    );
    if (verdict.concentrated) held.add(cast);
    else verdict.accept();
  });
  const count = (farm: boolean) => ({
    cast: casts.filter((c) => c.farm === farm).length,
    held: casts.filter((c) => c.farm === farm && held.has(c)).length,
  });
  return { farm: count(true), people: count(false), held };
}

/**
 * The stream-side watch (aggregator/coordination-watch.ts) over the whole stream: held at the cast
 * as `run` holds, and when a group shows, its members still in the window that were let through
 * are taken back too. Returns the farm's casts and how many of them end up not counted.
 */
function runWatched(...streams: ReadonlyArray<readonly Cast[]>) {
  const detector = new BallotConcentration();
  const casts = streams.flat().sort((a, b) => a.at - b.at);
  const notCounted = new Set<string>();
  casts.forEach((cast, i) => {
    const voter = `voter-${i}`;
    const verdict = detector.observe({ election: ELECTION, block: cast.block, voter }, cast.fingerprints, cast.at);
    if (!verdict.concentrated || !verdict.group) return verdict.accept();
    notCounted.add(voter);
    for (const member of detector.membersOf({ election: ELECTION, block: cast.block }, verdict.group.fingerprint))
      notCounted.add(member.voter);
  });
  const farm = casts.flatMap((c, i) => (c.farm ? [`voter-${i}`] : []));
  const people = casts.flatMap((c, i) => (c.farm ? [] : [`voter-${i}`]));
  return {
    farm: { cast: farm.length, notCounted: farm.filter((v) => notCounted.has(v)).length },
    people: { cast: people.length, notCounted: people.filter((v) => notCounted.has(v)).length },
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? "—" : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)} %`;
const interval = (ms: number) => (ms % MINUTE === 0 ? `${ms / MINUTE} min` : `${ms / SECOND} s`);

describe("slow farms against COORDINATED_BALLOT, on a simulated clock", () => {
  const crowd = people(7);

  it("holds a drip from one /24 from its fifth cast while five of it fit in the window, and none of a slower one", () => {
    const intervals = [2, 5, 15, 30, 60, 120, 145, 150, 300, 600].map((s) => s * SECOND);
    const taskCounts = [1, 2, 60];
    const random = seeded(11);
    const rows = intervals.map((every) => ({
      every,
      byTasks: taskCounts.map((tasks) => dripBehind(every, tasks, crowd, random)),
    }));

    const peopleCast = rows.reduce((total, r) => total + r.byTasks.reduce((sum, t) => sum + t.peopleCast, 0), 0);
    const peopleHeld = rows.reduce((total, r) => total + r.byTasks.reduce((sum, t) => sum + t.peopleHeld, 0), 0);
    console.log(
      [
        `A drip of one ballot from ${FARM_BLOCK} for ${HOURS} h beside people (${PEOPLE_PER_MINUTE} a minute on each task; behind T tasks, ${SAMPLED_TASKS} of them simulated). Held of the drip:`,
        `${"one vote every".padEnd(15)}${"a day".padStart(7)}${taskCounts.map((t) => `${t} task${t > 1 ? "s" : ""}`.padStart(24)).join("")}`,
        ...rows.map(({ every, byTasks }) =>
          [
            interval(every).padEnd(15),
            String(Math.round((24 * 60 * MINUTE) / every)).padStart(7),
            ...byTasks.map((r) => `${r.held} of ${r.cast} (${percent(r.held, r.cast)})`.padStart(24)),
          ].join(""),
        ),
        `People held in these runs: ${peopleHeld} of ${peopleCast}.`,
      ].join("\n"),
    );

    for (const { every, byTasks } of rows) {
      const [alone] = byTasks;
      if (every < SLOWEST_CAUGHT) {
        // On one task a drip that keeps five in the window is held from its fifth cast on (a cast or
        // two later in the first minutes of polling, while the baseline is thin), every one after.
        expect(alone!.cast - alone!.held, interval(every)).toBeGreaterThanOrEqual(CONCENTRATION_DEFAULTS.minGroup - 1);
        expect(alone!.cast - alone!.held, interval(every)).toBeLessThanOrEqual(2 * CONCENTRATION_DEFAULTS.minGroup);
      } else {
        // One slower never makes a group, however long it runs.
        expect(alone!.held, interval(every)).toBe(0);
      }
    }
    // Behind 60 tasks (production's floor) each task sees one cast in 60: a drip every 30 s (2,880
    // a day from one /24) is never held, and even one every 2 s is held only in part.
    const behind60 = (every: number) => rows.find((r) => r.every === every)!.byTasks[2]!;
    expect(behind60(30 * SECOND).held).toBe(0);
    expect(behind60(2 * SECOND).held).toBeLessThan(behind60(2 * SECOND).cast);
    // People are never held by it here, whatever the drip beside them does.
    expect(peopleHeld).toBe(0);
  });

  it("never holds a farm that sends one ballot per block, and that spread shields a burst of the same farm from one /24", () => {
    const rates = [0, 1, 5, 20];
    const burstAt = HOURS * 30 * MINUTE;
    const burst: Cast[] = Array.from({ length: 20 }, (_, i) => ({
      at: burstAt + i * SECOND,
      block: FARM_BLOCK,
      fingerprints: FARM,
      farm: true,
    }));
    const rows = rates.map((perMinute) => {
      const spreadOnly = run(crowd, spread(perMinute));
      const withBurst = run(crowd, spread(perMinute), burst);
      return { perMinute, spreadOnly, burstCounted: burst.filter((c) => !withBurst.held.has(c)).length };
    });
    console.log(
      [
        `A farm spread one ballot per /24 for ${HOURS} h beside the same people, and a burst of 20 of its ballots from ${FARM_BLOCK} at ${HOURS / 2} h:`,
        ...rows.map(
          ({ perMinute, spreadOnly, burstCounted }) =>
            `${String(perMinute).padStart(3)} a minute from blocks of their own: ${spreadOnly.farm.held} of ${spreadOnly.farm.cast} held; of the burst, ${burstCounted} of 20 counted; people held ${spreadOnly.people.held} of ${spreadOnly.people.cast}`,
        ),
      ].join("\n"),
    );

    for (const { spreadOnly } of rows) expect(spreadOnly.farm.held).toBe(0);
    // A spread as large as the people themselves halves every other answer's share of the
    // baseline, so a crowd behind one address voting like everyone else starts to stand out: a
    // few people held, for an official to release. Below that, none.
    for (const { perMinute, spreadOnly } of rows.filter((r) => r.perMinute < PEOPLE_PER_MINUTE))
      expect(spreadOnly.people.held, `${perMinute} a minute`).toBe(0);
    expect(rows.at(-1)!.spreadOnly.people.held / crowd.length).toBeLessThan(0.001);
    // Alone, the burst loses all but its first four; its own spread ballots, counted everywhere
    // else, make its answer look common, so the burst needs a larger group to stand out.
    expect(rows[0]!.burstCounted).toBe(CONCENTRATION_DEFAULTS.minGroup - 1);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.burstCounted).toBeGreaterThanOrEqual(rows[i - 1]!.burstCounted);
    expect(rows.at(-1)!.burstCounted).toBeGreaterThan(rows[0]!.burstCounted);
  });

  it("with the stream-side watch, counts none of a drip that keeps five in the window, whatever the number of tasks, and still none of a slower one", () => {
    // The watch reads every task's casts: the farm is whole (T tasks no longer thin it), and the
    // members of a group counted before it showed are taken back.
    const intervals = [2, 15, 60, 120, 145, 150, 300].map((s) => s * SECOND);
    const random = seeded(13);
    const rows = intervals.map((every) => ({ every, result: runWatched(crowd, drip(every, 1, random)) }));
    console.log(
      [
        `The same drips through the stream-side watch (every task's casts, earlier members taken back). Not counted of the drip:`,
        ...rows.map(
          ({ every, result }) =>
            `${interval(every).padEnd(15)}${String(Math.round((24 * 60 * MINUTE) / every)).padStart(7)} a day: ${result.farm.notCounted} of ${result.farm.cast} (${percent(result.farm.notCounted, result.farm.cast)}); people ${result.people.notCounted} of ${result.people.cast}`,
        ),
      ].join("\n"),
    );
    for (const { every, result } of rows) {
      if (every < SLOWEST_CAUGHT) {
        // All of it but what left the window before the baseline had filled in the first minutes.
        expect(result.farm.cast - result.farm.notCounted, interval(every)).toBeLessThanOrEqual(
          CONCENTRATION_DEFAULTS.minGroup,
        );
        expect(result.farm.notCounted / result.farm.cast, interval(every)).toBeGreaterThanOrEqual(0.8);
      } else {
        expect(result.farm.notCounted, interval(every)).toBe(0);
      }
      expect(result.people.notCounted, interval(every)).toBe(0);
    }
  });
});
