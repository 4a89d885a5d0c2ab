import { describe, expect, it } from "vitest";
import {
  BallotConcentration as Detector,
  ballotFingerprints,
  canonicalBallotFingerprints,
  CONCENTRATION_DEFAULTS,
  type ConcentrationOptions,
} from "../src/risk/ballot-concentration";

const ELECTION = "00000000-0000-4000-8000-00000000e1ec";
let voters = 0;
/** A cast of a voter of its own in ELECTION, from `block`. */
const fresh = (block: string) => ({ election: ELECTION, block, voter: `voter-${voters++}` });

/** The detector as the cast path drives it, each cast a new voter's: a cast not held by it is let through, into the baseline. */
class BallotConcentration extends Detector {
  constructor(options?: ConcentrationOptions) {
    super(options);
  }
  cast(block: string, fingerprints: readonly string[], now: number) {
    const verdict = this.observe(fresh(block), fingerprints, now);
    if (!verdict.concentrated) verdict.accept();
    return verdict;
  }
}

/** A seeded random source, so that a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T => {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted.at(-1)![0];
};

/** A person's ballot, drawn from a population that leans (40% fox), as real ones do. */
function personBallot(random: () => number) {
  const mascot = pick(random, [
    ["fox", 40],
    ["heron", 35],
    ["otter", 25],
  ] as const);
  const parks = ["hilltop", "riverside", "harbour"].filter(() => random() < 0.5);
  const chair = ["ada", "bruno", "chen"].sort(() => random() - 0.5);
  return {
    answers: {
      mascot: { choices: [mascot] },
      parks: { choices: parks.length ? parks : ["hilltop"] },
      "council-chair": { choices: chair },
    },
  };
}
const farmBallot = {
  answers: {
    mascot: { choices: ["otter"] },
    parks: { choices: ["harbour"] },
    "council-chair": { choices: ["chen", "ada", "bruno"] },
  },
};

describe("ballot concentration", () => {
  it("fires for a farm voting one ballot from one block from its fifth cast, while people elsewhere vote as they do", () => {
    const random = seeded(1);
    const detector = new BallotConcentration();
    let at = 0;
    const people = () => {
      for (let i = 0; i < 10; i++)
        detector.cast(
          `10.${i}.${Math.floor(random() * 250)}.0/24`,
          ballotFingerprints(personBallot(random)),
          (at += 100),
        );
    };
    people();
    const verdicts = Array.from({ length: 20 }, () => {
      people();
      return detector.cast("203.0.113.0/24", ballotFingerprints(farmBallot), (at += 100)).concentrated;
    });
    expect(verdicts.slice(0, CONCENTRATION_DEFAULTS.minGroup - 1)).toEqual([false, false, false, false]);
    expect(verdicts.slice(CONCENTRATION_DEFAULTS.minGroup - 1).every(Boolean)).toBe(true);
  });

  it("fires for a farm that varies every question but the one it is paid for", () => {
    const random = seeded(2);
    const detector = new BallotConcentration();
    let at = 0;
    for (let i = 0; i < 300; i++)
      detector.cast(`10.${i % 250}.${i}.0/24`, ballotFingerprints(personBallot(random)), (at += 10));
    const verdicts = Array.from({ length: 30 }, () => {
      const disguised = personBallot(random);
      disguised.answers.mascot.choices = ["otter"];
      return detector.cast("203.0.113.0/24", ballotFingerprints(disguised), (at += 10));
    });
    const fired = verdicts.filter((v) => v.concentrated);
    expect(fired.length).toBeGreaterThanOrEqual(20);
    expect(fired[0]!.group?.fingerprint).toBe("mascot=otter");
  });

  it("never fires for 500 people behind one carrier address, or a classroom of 30 on one block, who vote like everyone else", () => {
    const random = seeded(3);
    const detector = new BallotConcentration();
    let at = 0;
    let fired = 0;
    for (let i = 0; i < 2000; i++) {
      const where =
        i % 4 === 0 ? "100.64.0.0/24" : i % 50 === 1 ? "192.0.2.0/24" : `10.${i % 250}.${Math.floor(i / 250)}.0/24`;
      if (detector.cast(where, ballotFingerprints(personBallot(random)), (at += 50)).concentrated) fired += 1;
    }
    expect(fired).toBe(0);
  });

  it("forgets casts older than its window, and past its memory bound", () => {
    const detector = new BallotConcentration({ ...CONCENTRATION_DEFAULTS, windowMs: 1000, maxCasts: 50 });
    for (let i = 0; i < 4; i++) detector.cast("203.0.113.0/24", ballotFingerprints(farmBallot), i);
    // Four casts a window ago do not make a fifth a group of five.
    expect(detector.cast("203.0.113.0/24", ballotFingerprints(farmBallot), 5000).group).toBeUndefined();
    for (let i = 0; i < 60; i++) detector.cast(`10.0.${i}.0/24`, ballotFingerprints(farmBallot), 5001 + i);
    for (let i = 0; i < 3; i++) detector.cast("203.0.113.0/24", ballotFingerprints(farmBallot), 5100 + i);
    // The fifth's cast (at 5000) fell out with the bound on memory: the block holds three.
    expect(detector.cast("203.0.113.0/24", ballotFingerprints(farmBallot), 5200).group).toBeUndefined();
  });

  it("judges a block against accepted casts only: a farm's held casts in other blocks do not make its ballot look common", () => {
    const random = seeded(4);
    const detector = new Detector();
    let at = 0;
    for (let i = 0; i < 100; i++)
      detector.observe(fresh(`10.${i}.0.0/24`), ballotFingerprints(personBallot(random)), (at += 10)).accept();
    // The same farm in twenty other blocks, each cast held or refused by the risk layer (never accepted).
    for (let i = 0; i < 20; i++) detector.observe(fresh(`203.0.${i}.0/24`), ballotFingerprints(farmBallot), (at += 10));
    const verdicts = Array.from({ length: 5 }, () =>
      detector.observe(fresh("192.0.2.0/24"), ballotFingerprints(farmBallot), (at += 10)),
    );
    expect(verdicts.map((v) => v.concentrated)).toEqual([false, false, false, false, true]);
  });

  it("counts a voter once per window, however often the same cast is sent again", () => {
    const detector = new Detector();
    const retrier = { election: ELECTION, block: "100.64.0.0/24", voter: "one-voter" };
    const verdicts = Array.from({ length: 10 }, (_, i) => detector.observe(retrier, ballotFingerprints(farmBallot), i));
    expect(verdicts.every((v) => !v.concentrated && v.group === undefined)).toBe(true);
  });

  it("judges each election by its own casts: another election's volume does not make this one's answers rare", () => {
    const random = seeded(5);
    const detector = new Detector();
    const other = "00000000-0000-4000-8000-0000000000b2";
    let at = 0;
    // A busy other election, and a few people in this one; then a crowd in one block votes like them.
    for (let i = 0; i < 2000; i++)
      detector
        .observe(
          { election: other, block: `10.${i % 250}.${i}.0/24`, voter: `o${i}` },
          ballotFingerprints(personBallot(random)),
          (at += 1),
        )
        .accept();
    const fox = { answers: { mascot: { choices: ["fox"] } } };
    for (let i = 0; i < 20; i++)
      detector
        .observe(
          fresh(`10.9.${i}.0/24`),
          ballotFingerprints(i % 2 ? fox : { answers: { mascot: { choices: ["heron"] } } }),
          (at += 1),
        )
        .accept();
    const crowd = Array.from({ length: 6 }, () =>
      detector.observe(fresh("100.64.0.0/24"), ballotFingerprints(fox), (at += 1)),
    );
    // Half this election votes fox: six fox ballots from one block are no group.
    expect(crowd.some((v) => v.concentrated)).toBe(false);
  });

  it("fingerprints a ballot whatever the order of its choices, and none for a malformed one", () => {
    const a = ballotFingerprints({
      answers: { parks: { choices: ["riverside", "hilltop"] }, mascot: { choices: ["fox"] } },
    });
    const b = ballotFingerprints({
      answers: { mascot: { choices: ["fox"] }, parks: { choices: ["hilltop", "riverside"] } },
    });
    expect(a).toEqual(b);
    expect(a).toEqual(["*=mascot=fox&parks=hilltop,riverside", "mascot=fox", "parks=hilltop,riverside"]);
    expect(ballotFingerprints({ answers: { mascot: { abstain: true } } })).toEqual(["mascot=abstain"]);
    expect(ballotFingerprints({ answers: { mascot: { choices: [1] } } })).toEqual([]);
    expect(ballotFingerprints("not a ballot")).toEqual([]);
  });

  it("fingerprints a stored (canonical) ballot as the ballot it was sent as, so the stream-side watch groups as the cast path does", () => {
    const sent = {
      answers: { parks: { choices: ["riverside", "hilltop"] }, mascot: { choices: ["fox"] }, chair: { abstain: true } },
    };
    const stored = [
      ["mascot", { choices: ["fox"] }],
      ["parks", { choices: ["riverside", "hilltop"] }],
      ["chair", "abstain"],
    ] as const;
    expect(canonicalBallotFingerprints(stored)).toEqual(ballotFingerprints(sent));
    expect(canonicalBallotFingerprints([["order", { ranking: ["b", "a"] }]])).toEqual(["order=a,b"]);
  });

  it("fingerprints a score answer as sent and as stored alike: the lowest scores a stored ballot fills in do not count", () => {
    // Scored 1 to 5: the stored ballot gives the option left out the lowest, 1.
    const sent = { answers: { venue: { scores: { cork: 4, aarhus: 5 } } } };
    const stored = [["venue", { scores: { aarhus: 5, bergen: 1, cork: 4 } }]] as const;
    expect(ballotFingerprints(sent)).toEqual(["venue=aarhus:5,cork:4"]);
    expect(canonicalBallotFingerprints(stored)).toEqual(ballotFingerprints(sent));
    // Different scores for the same options are different ballots.
    expect(ballotFingerprints({ answers: { venue: { scores: { cork: 3, aarhus: 5 } } } })).not.toEqual(
      ballotFingerprints(sent),
    );
    expect(ballotFingerprints({ answers: { venue: { scores: { cork: "5" } } } })).toEqual([]);
  });

  it("names a group's members, the earlier ones and whether each was let through, for the watch to take back", () => {
    const detector = new Detector();
    const block = { election: ELECTION, block: "192.0.2.0/24" };
    for (let i = 0; i < 3; i++) detector.observe({ ...block, voter: `m-${i}` }, ["mascot=otter"], 1000 + i).accept();
    detector.observe({ ...block, voter: "m-3" }, ["mascot=otter"], 1003);
    detector.observe({ ...block, voter: "other" }, ["mascot=fox"], 1004).accept();
    expect(detector.membersOf(block, "mascot=otter")).toEqual([
      { voter: "m-0", accepted: true },
      { voter: "m-1", accepted: true },
      { voter: "m-2", accepted: true },
      { voter: "m-3", accepted: false },
    ]);
    expect(detector.membersOf({ ...block, block: "198.51.100.0/24" }, "mascot=otter")).toEqual([]);
  });
});
