import { canonicalBallotJson } from "../ballot/canonical-json";
import { validateBallot } from "../ballot/validate-ballot";
import { checkCastingAllowed, ELECTION_READ_MAX_AGE_MS } from "../election/lifecycle";
import { ballotOrderFor } from "../election/option-order";
import type { Clock, ElectionReader, Entropy, Keys, VoterRoll, VoteStore } from "../ports";
import { identityEntries, type VoterIdentity } from "../roll/voter-roll";
import { fail, ok, type Result } from "../result";
import { commitmentText, receiptSigningText } from "./receipt";
import { recordBinding } from "./record-binding";
import type { Decision, Receipt, ReviewEvidence, StoredVote } from "./stored-vote";

export interface CastVoteDependencies {
  readonly elections: ElectionReader;
  readonly votes: VoteStore;
  readonly keys: Keys;
  readonly entropy: Entropy;
  readonly clock: Clock;
  /** Needed for roll-based elections only. */
  readonly voterRoll?: VoterRoll;
}

export interface CastVoteCommand {
  readonly electionId: string;
  /** The verified identity subject; only its HMAC is ever stored. */
  readonly subject: string;
  /** What the identity token says about the voter, for roll-based elections. */
  readonly identity?: VoterIdentity;
  /** Chosen by the client per ballot; a retry with the same key and ballot gets the same receipt. */
  readonly idempotencyKey: string;
  /**
   * This request's own single-use id, if it has one: stored with the vote, so the very same request
   * replayed is refused (REQUEST_REPLAYED) by the one conditional write, with no write of its own.
   */
  readonly requestId?: string;
  readonly ballot: unknown;
  /** Whether the cast was signed by a passkey the caller verified, or by the device key alone (the election's passkeyPolicy decides what that means). */
  readonly passkey?: boolean;
  /** The risk layer's verdict; quarantined votes are stored and counted separately. */
  readonly decision?: {
    readonly decision: Decision;
    readonly reasons: readonly string[];
    readonly evidence?: ReviewEvidence;
  };
}

export interface CastVoteOutcome {
  readonly receipt: Receipt;
  /** The voter keeps it to open the commitment later. */
  readonly salt: string;
  readonly decision: Decision;
  /** true when this request repeated an earlier one and got its receipt back. */
  readonly replayed: boolean;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
const NO_REASONS: readonly string[] = Object.freeze([]);

/**
 * Casts one ballot, exactly once. Everything is decided by a single conditional write: the first
 * vote of a voter in an election is stored; any later request is compared with what is stored.
 */
export async function castVote(deps: CastVoteDependencies, command: CastVoteCommand): Promise<Result<CastVoteOutcome>> {
  if (!IDEMPOTENCY_KEY.test(command.idempotencyKey)) {
    return fail("INVALID_IDEMPOTENCY_KEY", "The idempotency key must be 16 to 128 letters, digits, '-' or '_'.");
  }
  const election = await deps.elections.get(command.electionId);
  if (!election) return fail("ELECTION_NOT_FOUND", "There is no such election.", { electionId: command.electionId });
  const now = deps.clock.now();
  // Judged by a copy old enough to have missed a pause or close already in effect? Ask again shortly.
  if (election.readAt && now.getTime() - election.readAt.getTime() >= ELECTION_READ_MAX_AGE_MS) {
    return fail("ELECTION_STATE_STALE", "The election's state could not be confirmed just now; try again in a moment.");
  }
  const allowed = checkCastingAllowed(election, now);
  if (!allowed.ok) return allowed;
  let weight = 1;
  if (election.eligibility === "voter-roll") {
    const entries = identityEntries(command.identity ?? {});
    const onRoll = entries.length > 0 ? await deps.voterRoll?.weightOf(election.id, entries) : undefined;
    if (onRoll === undefined) return fail("NOT_ELIGIBLE", "You are not on the voter roll of this election.");
    weight = onRoll;
  }
  const ballot = validateBallot(election, command.ballot);
  if (!ballot.ok) return ballot;
  const withoutPasskey = command.passkey !== true;
  if (withoutPasskey && election.passkeyPolicy === "required") {
    return fail(
      "PASSKEY_REQUIRED",
      "This election takes ballots signed with a passkey only; add one on this device, or vote from a device that has one.",
    );
  }
  const decision = judge(command.decision, withoutPasskey && election.passkeyPolicy === "review-without");

  const { entropy } = deps;
  const ballotJson = canonicalBallotJson(ballot.value);
  const ballotHash = entropy.sha256Hex(ballotJson);
  const salt = entropy.randomHex(16);
  const receiptId = entropy.randomHex(16);
  const voterKey = deps.keys.voterKey(command.subject);
  const optionOrder = ballotOrderFor(election, voterKey, entropy.sha256);
  const unsigned = {
    receiptId,
    electionId: election.id,
    castAt: now.toISOString(),
    commitment: entropy.sha256Hex(commitmentText(salt, ballotJson)),
    keyId: deps.keys.receiptPublicKey.keyId,
    binding: recordBinding(entropy.sha256Hex, { receiptId, voterKey, decision: decision.decision }),
    // Signed with the rest, so a row rewritten to weigh more no longer matches its receipt.
    ...(weight !== 1 ? { weight } : {}),
    // The order this voter's ballot listed the options in, drawn here as the ballot page was shown
    // it (never taken from the client): the receipt records it.
    ...(optionOrder ? { optionOrder } : {}),
  };
  // One signature makes the receipt and seals the record: the binding carries what counting needs.
  const receipt: Receipt = { ...unsigned, signature: deps.keys.signReceipt(receiptSigningText(unsigned)) };
  const vote: StoredVote = {
    electionId: election.id,
    voterKey,
    idempotencyKey: command.idempotencyKey,
    ballotHash,
    ballot: ballot.value,
    salt,
    decision: decision.decision,
    reasons: decision.reasons,
    state: decision.decision,
    receipt,
    // Every vote keeps what a review groups by (a key thumbprint, a /24 or /64, the score): the
    // stream-side detector may hold a counted vote after all, once its group shows.
    ...(decision.evidence ? { evidence: decision.evidence } : {}),
    ...(command.requestId ? { requestId: command.requestId } : {}),
  };

  const outcome = await deps.votes.putOnce(vote);
  // A vote holding this call's own random receipt id is this call's write: the store's client sent
  // it again after losing the first answer (a dropped connection), and the retry met it. Stored.
  if (outcome.stored || outcome.existing.receipt.receiptId === receiptId)
    return ok({ receipt, salt, decision: vote.decision, replayed: false });
  return answerRepeat(outcome.existing, command, ballotHash);
}

/** The risk layer's verdict, held for review as well when the election wants a passkey this cast lacks. */
function judge(
  verdict: CastVoteCommand["decision"],
  holdForPasskey: boolean,
): NonNullable<CastVoteCommand["decision"]> {
  const given = verdict ?? { decision: "accepted" as const, reasons: NO_REASONS };
  if (!holdForPasskey) return given;
  return { ...given, decision: "quarantined", reasons: [...given.reasons, "NO_PASSKEY"] };
}

/** What a request gets when its voter has already voted in this election. */
function answerRepeat(existing: StoredVote, command: CastVoteCommand, ballotHash: string): Result<CastVoteOutcome> {
  if (command.requestId !== undefined && existing.requestId === command.requestId) {
    return fail(
      "REQUEST_REPLAYED",
      "This very request was already answered; a retry is a new request with the same idempotency key.",
    );
  }
  const sameBallot = existing.ballotHash === ballotHash;
  if (existing.idempotencyKey === command.idempotencyKey) {
    if (sameBallot)
      return ok({ receipt: existing.receipt, salt: existing.salt, decision: existing.decision, replayed: true });
    return fail("IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different ballot.");
  }
  // The same ballot sent again under a new key (say, after a reload) may see its receipt; a different one may not.
  return fail(
    "ALREADY_VOTED",
    "You have already voted in this election.",
    sameBallot ? { receipt: existing.receipt } : undefined,
  );
}
