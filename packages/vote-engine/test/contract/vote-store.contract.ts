import { describe, expect, it } from "vitest";
import { verifyReceiptSignature } from "../../src/adapters/node-crypto";
import type { VoteStore } from "../../src/ports";
import { castVote } from "../../src/vote/cast-vote";
import { reviewVote } from "../../src/vote/review-vote";
import { InMemoryElections } from "../../src/adapters/memory";
import { castDependencies, demoBallot, election, idempotencyKey, keys } from "../fixtures";

/**
 * What every VoteStore must do, run against each adapter: the in-memory one must behave like
 * DynamoDB, or tests and benchmarks that use it would prove nothing.
 */
export function voteStoreContract(adapter: string, makeStore: () => Promise<VoteStore> | VoteStore) {
  describe(`casting through the ${adapter} vote store`, () => {
    let counter = 0;
    const voter = () => `subject-${adapter}-${++counter}-${Math.random()}`;

    it("stores the first ballot and returns a receipt signed by the deployment's key", async () => {
      const votes = await makeStore();
      const subject = voter();
      const result = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(1),
        ballot: demoBallot(),
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.replayed).toBe(false);
      expect(verifyReceiptSignature(result.value.receipt, keys.receiptPublicKey.pem)).toBe(true);
      const stored = await votes.get(election.id, keys.voterKey(subject));
      expect(stored?.receipt).toEqual(result.value.receipt);
      expect(stored?.decision).toBe("accepted");
      expect(JSON.stringify(stored)).not.toContain(subject);
    });

    it("gives a retry with the same key and ballot the identical receipt, and stores nothing new", async () => {
      const votes = await makeStore();
      const subject = voter();
      const command = { electionId: election.id, subject, idempotencyKey: idempotencyKey(2), ballot: demoBallot() };
      const first = await castVote(castDependencies(votes), command);
      const retry = await castVote(castDependencies(votes), command);
      expect(retry).toEqual({ ok: true, value: { ...(first.ok ? first.value : {}), replayed: true } });
    });

    it("refuses the very same request (its request id) a second time, while a retry under a new request id gets the receipt", async () => {
      const votes = await makeStore();
      const command = {
        electionId: election.id,
        subject: voter(),
        idempotencyKey: idempotencyKey(3),
        ballot: demoBallot(),
        requestId: "proof-1",
      };
      const first = await castVote(castDependencies(votes), command);
      expect(first.ok).toBe(true);
      expect(await castVote(castDependencies(votes), command)).toMatchObject({
        ok: false,
        error: { code: "REQUEST_REPLAYED" },
      });
      const retry = await castVote(castDependencies(votes), { ...command, requestId: "proof-2" });
      expect(retry).toEqual({ ok: true, value: { ...(first.ok ? first.value : {}), replayed: true } });
    });

    it("treats a reordered multi-select as the same ballot", async () => {
      const votes = await makeStore();
      const subject = voter();
      const ballot = demoBallot(0);
      const reordered = {
        answers: { ...ballot.answers, parks: { choices: [...ballot.answers.parks.choices].reverse() } },
      };
      await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(3),
        ballot,
      });
      const retry = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(3),
        ballot: reordered,
      });
      expect(retry.ok && retry.value.replayed).toBe(true);
    });

    it("refuses a different ballot under the same key as IDEMPOTENCY_KEY_REUSED, and any other request as ALREADY_VOTED", async () => {
      const votes = await makeStore();
      const subject = voter();
      const first = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(4),
        ballot: demoBallot(0),
      });
      const reused = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(4),
        ballot: demoBallot(1),
      });
      expect(reused).toMatchObject({ ok: false, error: { code: "IDEMPOTENCY_KEY_REUSED" } });
      const other = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(5),
        ballot: demoBallot(1),
      });
      expect(other).toMatchObject({ ok: false, error: { code: "ALREADY_VOTED" } });
      expect(other.ok || other.error.details).toBeUndefined();
      const sameBallotNewKey = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(6),
        ballot: demoBallot(0),
      });
      expect(sameBallotNewKey).toMatchObject({
        ok: false,
        error: { code: "ALREADY_VOTED", details: { receipt: first.ok ? first.value.receipt : null } },
      });
      const stored = await votes.get(election.id, keys.voterKey(subject));
      expect(stored?.idempotencyKey).toBe(idempotencyKey(4));
    });

    it("keeps a quarantine decision and its reasons with the vote", async () => {
      const votes = await makeStore();
      const subject = voter();
      const result = await castVote(castDependencies(votes), {
        electionId: election.id,
        subject,
        idempotencyKey: idempotencyKey(7),
        ballot: demoBallot(),
        decision: { decision: "quarantined", reasons: ["DEVICE_SHARED", "BURST"] },
      });
      expect(result.ok && result.value.decision).toBe("quarantined");
      expect(await votes.get(election.id, keys.voterKey(subject))).toMatchObject({
        decision: "quarantined",
        reasons: ["DEVICE_SHARED", "BURST"],
      });
    });

    it("refuses bad input with a typed error and writes nothing", async () => {
      const votes = await makeStore();
      const subject = voter();
      const closed = new InMemoryElections([{ ...election, status: "closed" }]);
      const attempts = [
        castVote(castDependencies(votes), {
          electionId: "00000000-0000-4000-8000-000000000000",
          subject,
          idempotencyKey: idempotencyKey(20),
          ballot: demoBallot(),
        }),
        castVote(castDependencies(votes, { elections: closed }), {
          electionId: election.id,
          subject,
          idempotencyKey: idempotencyKey(21),
          ballot: demoBallot(),
        }),
        castVote(castDependencies(votes), {
          electionId: election.id,
          subject,
          idempotencyKey: idempotencyKey(22),
          ballot: { answers: { mascot: { choices: ["dragon"] } } },
        }),
        castVote(castDependencies(votes), {
          electionId: election.id,
          subject,
          idempotencyKey: "short",
          ballot: demoBallot(),
        }),
      ];
      const codes = (await Promise.all(attempts)).map((r) => (r.ok ? "OK" : r.error.code));
      expect(codes).toEqual(["ELECTION_NOT_FOUND", "ELECTION_CLOSED", "UNKNOWN_OPTION", "INVALID_IDEMPOTENCY_KEY"]);
      expect(await votes.get(election.id, keys.voterKey(subject))).toBeUndefined();
    });

    it("lets an official release or void a quarantined vote once; repeating the decision changes nothing", async () => {
      const votes = await makeStore();
      const [released, voided, accepted] = [voter(), voter(), voter()];
      for (const [i, subject] of [released, voided].entries()) {
        await castVote(castDependencies(votes), {
          electionId: election.id,
          subject,
          idempotencyKey: idempotencyKey(30 + i),
          ballot: demoBallot(i),
          decision: { decision: "quarantined", reasons: ["BURST"] },
        });
      }
      await castVote(castDependencies(votes), {
        electionId: election.id,
        subject: accepted,
        idempotencyKey: idempotencyKey(32),
        ballot: demoBallot(),
      });
      const review = (subject: string, decision: "released" | "voided") =>
        reviewVote(votes, { electionId: election.id, voterKey: keys.voterKey(subject), decision });

      expect(await review(released, "released")).toEqual({ ok: true, value: { state: "released", changed: true } });
      expect(await review(released, "released")).toEqual({ ok: true, value: { state: "released", changed: false } });
      expect(await review(released, "voided")).toMatchObject({
        ok: false,
        error: { code: "NOT_QUARANTINED", details: { state: "released" } },
      });
      expect(await review(voided, "voided")).toEqual({ ok: true, value: { state: "voided", changed: true } });
      expect(await review(voided, "released")).toMatchObject({ ok: false, error: { code: "NOT_QUARANTINED" } });
      expect(await review(accepted, "voided")).toMatchObject({
        ok: false,
        error: { code: "NOT_QUARANTINED", details: { state: "accepted" } },
      });
      expect(await review("nobody", "released")).toMatchObject({ ok: false, error: { code: "VOTE_NOT_FOUND" } });
      expect((await votes.get(election.id, keys.voterKey(released)))?.state).toBe("released");
      expect((await votes.get(election.id, keys.voterKey(voided)))?.state).toBe("voided");
    });

    it("lists an election's votes for a recount, and only that election's", async () => {
      const votes = await makeStore();
      const subjects = [voter(), voter(), voter()];
      for (const [i, subject] of subjects.entries()) {
        await castVote(castDependencies(votes), {
          electionId: election.id,
          subject,
          idempotencyKey: idempotencyKey(10 + i),
          ballot: demoBallot(i),
        });
      }
      const seen: string[] = [];
      for await (const vote of votes.scan(election.id)) seen.push(vote.voterKey);
      expect(seen.sort()).toEqual(subjects.map((s) => keys.voterKey(s)).sort());
      const none: unknown[] = [];
      for await (const vote of votes.scan("00000000-0000-4000-8000-000000000000")) none.push(vote);
      expect(none).toEqual([]);
    });
  });
}
