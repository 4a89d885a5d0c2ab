import { describe, expect, it } from "vitest";
import { InMemoryVoteStore } from "../src/adapters/memory";
import { toVoteItem } from "../src/adapters/dynamodb/vote-item";
import { toVoteChange } from "../src/adapters/dynamodb/stream-records";
import { type StoredVote, tallyDelta, type VoteChange } from "../src/index";
import { countsVote, reinstatesVote, withdrawsVote } from "../src/tally/vote-change";
import { admitSigned, election } from "./fixtures";
import { cast, reread, review, withhold, withholdVoteContract } from "./contract/withhold-vote.contract";

withholdVoteContract("the in-memory vote store", () => new InMemoryVoteStore());

/** The change record DynamoDB's stream would carry for a row now in `vote`'s state, read as the aggregator reads it. */
function changeOf(vote: StoredVote, kind: "INSERT" | "MODIFY", sequenceNumber: string): VoteChange {
  const read = toVoteChange({
    eventName: kind,
    dynamodb: { SequenceNumber: sequenceNumber, NewImage: toVoteItem(vote) },
  });
  if (!read.ok) throw new Error(read.reason);
  return read.change;
}

/** The counters of a delta for the demo election, without __version (which counts records, not votes). */
function votesCounted(delta: ReturnType<typeof tallyDelta>): Record<string, number> {
  const counters = Object.fromEntries(delta.get(election.id) ?? []);
  delete counters["__version"];
  return counters;
}

/** What applying each change as a batch of its own adds up to, as the tally store would hold it. */
function batchByBatch(changes: readonly VoteChange[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const change of changes) {
    for (const [counter, n] of tallyDelta([change]).get(election.id) ?? []) total[counter] = (total[counter] ?? 0) + n;
  }
  for (const [counter, n] of Object.entries(total)) if (n === 0) delete total[counter];
  return total;
}

describe("the tally of a withheld vote", () => {
  /** A vote's changes: accepted on arrival, withheld, then decided by an official. */
  async function lifecycle(decision: "released" | "voided") {
    const votes = new InMemoryVoteStore();
    const accepted = await cast(votes, { variant: 0 });
    expect((await withhold(votes, accepted)).ok).toBe(true);
    const withheld = await reread(votes, accepted);
    expect((await review(votes, accepted, decision)).ok).toBe(true);
    const decided = await reread(votes, accepted);
    return {
      insert: changeOf(accepted, "INSERT", "100"),
      withhold: changeOf(withheld, "MODIFY", "101"),
      decide: changeOf(decided, "MODIFY", "102"),
    };
  }

  it("reads each step of the stream as what it is, and every step still carries a record the aggregator admits", async () => {
    const { insert, withhold: held, decide: release } = await lifecycle("released");
    expect([countsVote(insert), withdrawsVote(insert), reinstatesVote(insert)]).toEqual([true, false, false]);
    expect([countsVote(held), withdrawsVote(held), reinstatesVote(held)]).toEqual([false, true, false]);
    expect([withdrawsVote(release), reinstatesVote(release)]).toEqual([false, true]);
    expect(held.signed?.decision).toBe("accepted");
    expect(held.reasons).toEqual(["COORDINATED_GROUP"]);
    for (const change of [insert, held, release]) expect(admitSigned(change)).toEqual({ ok: true });

    // A ballot held on arrival and released is counted for the first time: no reinstatement.
    const votes = new InMemoryVoteStore();
    const heldOnArrival = await cast(votes, { held: true, reasons: ["BURST"] });
    await review(votes, heldOnArrival, "released");
    const firstRelease = changeOf(await reread(votes, heldOnArrival), "MODIFY", "7");
    expect([countsVote(firstRelease), withdrawsVote(firstRelease), reinstatesVote(firstRelease)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("INSERT accepted, MODIFY quarantined, MODIFY released adds up to one INSERT accepted, in one batch or one by one", async () => {
    const { insert, withhold: held, decide: release } = await lifecycle("released");
    const once = votesCounted(tallyDelta([insert]));
    // The ballot of demoBallot(0): one mascot, two parks, a first preference.
    expect(once).toEqual({
      __turnout: 1,
      "mascot#heron": 1,
      "parks#hilltop": 1,
      "parks#riverside": 1,
      "council-chair#ada": 1,
    });
    const all = tallyDelta([insert, held, release]);
    expect(votesCounted(all)).toEqual(once);
    expect(all.get(election.id)?.get("__version")).toBe(3);
    expect(batchByBatch([insert, held, release])).toEqual({ ...once, __version: 3 });
  });

  it("the withheld step takes the vote out of the count and into __quarantined", async () => {
    const { insert, withhold: held } = await lifecycle("released");
    expect(Object.fromEntries(tallyDelta([held]).get(election.id) ?? [])).toEqual({
      __version: 1,
      __turnout: -1,
      "mascot#heron": -1,
      "parks#hilltop": -1,
      "parks#riverside": -1,
      "council-chair#ada": -1,
      __quarantined: 1,
    });
    expect(Object.fromEntries(tallyDelta([insert, held]).get(election.id) ?? [])).toEqual({
      __version: 2,
      __quarantined: 1,
    });
  });

  it("INSERT accepted, MODIFY quarantined, MODIFY voided adds up to nothing counted and nothing quarantined", async () => {
    const { insert, withhold: held, decide: voided } = await lifecycle("voided");
    expect(voided.state).toBe("voided");
    const all = tallyDelta([insert, held, voided]);
    expect(Object.fromEntries(all.get(election.id) ?? [])).toEqual({ __version: 3 });
    expect(batchByBatch([insert, held, voided])).toEqual({ __version: 3 });
  });
});
