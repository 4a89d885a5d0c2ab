import type { Receipt } from "@landslide/api/client";
import type { Translate } from "../../../../i18n/english";
import { type BallotOrder, type OptionOrderRule, type OrderQuery, shownOrder } from "./ordered-options";

/**
 * What the vote page shows, decided in one pure function from what the page knows (the election,
 * the session, the voter's stored ballot, this tab's cast, the ballot's step), so every state is
 * named and tested (test/vote-page-state.test.ts) and the page renders it with one switch.
 */

/** Where this voter's ballot stands, shown above everything else once known. */
export type Outcome =
  | { readonly kind: "counted" | "under-review"; readonly receipt: Receipt; readonly salt?: string }
  | { readonly kind: "already-voted"; readonly receipt?: Receipt }
  /** `reason`: the API's code, shown small after the words for the voter to quote to support. */
  | { readonly kind: "refused"; readonly message: string; readonly reason?: string };

/** The ballot is filled in, then read back before it is cast. */
export type BallotStep = "fill" | "review";

/** What stands under the outcome: the way to vote, or why there is none. */
export type Body =
  /** Not known yet whether this tab is signed in: nothing, rather than a sign-in form that flashes. */
  | { readonly kind: "session-loading" }
  | { readonly kind: "signed-out" }
  | { readonly kind: "not-open"; readonly reason: "ELECTION_CLOSED" | "ELECTION_NOT_OPEN" }
  /** The outcome above says it all (counted, under review, already voted) and shows the receipt. */
  | { readonly kind: "voted" }
  /** Whether this voter has voted, and the order their ballot lists the options in, are read. */
  | { readonly kind: "checking-vote" }
  /** The order drawn for this voter could not be read: no ballot rather than one in another order. */
  | { readonly kind: "order-failed" }
  /** `order`: the order drawn for this voter (ordered-options.ts); null, the election's own. */
  | { readonly kind: "ballot"; readonly step: BallotStep; readonly order: BallotOrder | null };

export type VotePageState<E> =
  | { readonly kind: "loading" }
  /** The election could not be read: the API's reason when it gave one. */
  | { readonly kind: "unavailable"; readonly reason: string | undefined }
  | {
      readonly kind: "election";
      readonly election: E;
      readonly sending: boolean;
      readonly outcome: Outcome | undefined;
      readonly body: Body;
    };

type ElectionStatus = "draft" | "scheduled" | "open" | "paused" | "closed" | "certified";

/** The voter's stored ballot, as `voter.myReceipt` answers (null: none). */
export interface StoredBallot {
  readonly receipt: Receipt;
  readonly salt: string;
  readonly state: string;
}

/** This tab's cast; a failure already read as an outcome (cast-failure.ts). */
export type CastState =
  | { readonly status: "idle" | "pending" }
  | {
      readonly status: "success";
      readonly result: { readonly decision: string; readonly receipt: Receipt; readonly salt: string };
    }
  | { readonly status: "error"; readonly failure: Outcome };

/** What the page reads of an election to decide what to show. */
interface ElectionShape {
  readonly status: ElectionStatus;
  readonly optionOrder?: OptionOrderRule | undefined;
}

export interface VotePageInput<E extends ElectionShape> {
  readonly election:
    | { readonly status: "pending" }
    | { readonly status: "error"; readonly reason: string | undefined }
    | { readonly status: "success"; readonly data: E };
  readonly session: { readonly loading: boolean; readonly signedIn: boolean };
  /** `pending` until read; it is only read once signed in. */
  readonly stored: { readonly pending: boolean; readonly data: StoredBallot | null | undefined };
  /** The voter.ballotOrder query; it is only read once signed in. */
  readonly order: OrderQuery;
  readonly cast: CastState;
  readonly step: BallotStep;
}

export function votePageState<E extends ElectionShape>(input: VotePageInput<E>, t: Translate): VotePageState<E> {
  const { election } = input;
  if (election.status === "pending") return { kind: "loading" };
  if (election.status === "error") return { kind: "unavailable", reason: election.reason };
  const outcome = outcomeOf(input.cast, input.stored.data, t);
  return {
    kind: "election",
    election: election.data,
    sending: input.cast.status === "pending",
    outcome,
    body: bodyOf(election.data, input, outcome),
  };
}

/** This tab's cast if there was one, else where the stored ballot stands (said in the page's language). */
export function outcomeOf(cast: CastState, stored: StoredBallot | null | undefined, t: Translate): Outcome | undefined {
  if (cast.status === "success")
    return {
      kind: cast.result.decision === "accepted" ? "counted" : "under-review",
      receipt: cast.result.receipt,
      salt: cast.result.salt,
    };
  if (cast.status === "error") return cast.failure;
  if (!stored) return undefined;
  if (stored.state === "accepted" || stored.state === "released")
    return { kind: "counted", receipt: stored.receipt, salt: stored.salt };
  if (stored.state === "quarantined") return { kind: "under-review", receipt: stored.receipt, salt: stored.salt };
  return { kind: "refused", message: t("outcome.voided") };
}

/**
 * In this order: a signed-out voter is asked to sign in even where voting is closed, and a refused
 * cast gets the ballot back. The ballot waits for the order drawn for the voter as it waits for the
 * stored ballot (the same words), so that it shows once, in that order.
 */
function bodyOf(
  { status, optionOrder }: ElectionShape,
  { session, stored, order: orderQuery, step }: VotePageInput<ElectionShape>,
  outcome: Outcome | undefined,
): Body {
  if (session.loading) return { kind: "session-loading" };
  if (!session.signedIn) return { kind: "signed-out" };
  if (status !== "open")
    return {
      kind: "not-open",
      reason: status === "closed" || status === "certified" ? "ELECTION_CLOSED" : "ELECTION_NOT_OPEN",
    };
  if (outcome && outcome.kind !== "refused") return { kind: "voted" };
  if (stored.pending) return { kind: "checking-vote" };
  const order = shownOrder(optionOrder, orderQuery);
  if (order.kind === "pending") return { kind: "checking-vote" };
  if (order.kind === "failed") return { kind: "order-failed" };
  return { kind: "ballot", step, order: order.order };
}
