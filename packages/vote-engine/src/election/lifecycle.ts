import { fail, ok, type Result } from "../result";
import type { Election, ElectionStatus, Question } from "./definition";

/**
 * draft → scheduled → open ⇄ paused → closed → certified. An official may also open a draft
 * directly, or take a scheduled election back to draft. Nothing leaves "certified".
 */
const transitions: Record<ElectionStatus, readonly ElectionStatus[]> = {
  draft: ["scheduled", "open"],
  scheduled: ["draft", "open", "closed"],
  open: ["paused", "closed"],
  paused: ["open", "closed"],
  closed: ["certified"],
  certified: [],
};

/**
 * How long after an official pauses or closes an open election voting stops. Every vote API task
 * judges casts by a copy of the election (from the data plane) at most ELECTION_READ_MAX_AGE_MS
 * old, so once the stop's copy has landed that long before the instant, each task has heard, and
 * all stop at the same recorded instant: no task accepts a ballot cast at or after it, however its
 * cache stood. The rest of the notice is the control API's budget for landing the copy (the
 * Postgres commit and the DynamoDB write); a copy that lands later has its stop moved later.
 */
export const STOP_NOTICE_MS = 2000;
/**
 * The oldest election read a vote may be judged by: well under STOP_NOTICE_MS (see above), and
 * over the read cache's refresh period so a refresh has time to answer before casts wait for it.
 */
export const ELECTION_READ_MAX_AGE_MS = 1200;

export interface TransitionContext {
  readonly now: Date;
  /** Required to certify: whether the exact recount equals the live tally. */
  readonly recountMatchesTally?: boolean;
}

export function transition(election: Election, to: ElectionStatus, context: TransitionContext): Result<Election> {
  if (!transitions[election.status].includes(to)) {
    return fail("INVALID_TRANSITION", `An election that is ${election.status} cannot become ${to}.`, {
      from: election.status,
      to,
    });
  }
  if (to === "scheduled" || to === "open") {
    const problem = scheduleProblem(election, to, context.now);
    if (problem) return fail("ELECTION_INVALID", problem, { to });
  }
  if (to === "certified" && stopPending(election, context.now)) {
    return fail("ELECTION_NOT_CLOSED_YET", `Voting stops at ${election.stopsAt?.toISOString()}; certify after that.`);
  }
  if (to === "certified" && context.recountMatchesTally !== true) {
    return fail("RECOUNT_MISMATCH", "Certify only after a recount that equals the live tally.");
  }
  return ok({ ...election, status: to, stopsAt: stopsAfter(election, to, context.now) });
}

/** When voting stops after this transition: a notice after pausing or closing an open election, never again once resumed. */
function stopsAfter(election: Election, to: ElectionStatus, now: Date): Date | null {
  if (to === "open") return null;
  // Voters may be casting (open, or scheduled and past its opening time): they get the notice.
  // A close after an announced pause keeps the pause's instant.
  const voting =
    election.status === "open" || (election.status === "scheduled" && effectiveStatus(election, now) === "open");
  if ((to === "paused" || to === "closed") && voting) return new Date(now.getTime() + STOP_NOTICE_MS);
  return election.stopsAt ?? null;
}

/** An official paused or closed the election, and it has not taken effect yet. */
function stopPending(election: Election, now: Date): boolean {
  return (
    (election.status === "paused" || election.status === "closed") && election.stopsAt != null && now < election.stopsAt
  );
}

/** Questions are frozen once voting can have started: a ballot must mean what it meant when cast. */
export function replaceQuestions(election: Election, questions: readonly Question[]): Result<Election> {
  if (election.status !== "draft" && election.status !== "scheduled") {
    return fail("QUESTIONS_LOCKED", `The questions of an election that is ${election.status} can no longer change.`);
  }
  return ok({ ...election, questions: [...questions] });
}

/**
 * The status as voters see it now: a scheduled election opens by itself at its opening time, and
 * an open or paused one closes by itself at its closing time, with no scheduler to fail.
 */
export function effectiveStatus(election: Election, now: Date): ElectionStatus {
  const { opensAt, closesAt } = election;
  // A pause or close not yet in effect is still open to voters (see STOP_NOTICE_MS).
  const status = stopPending(election, now) ? "open" : election.status;
  const pastClose = closesAt !== null && now >= closesAt;
  if ((status === "scheduled" || status === "open" || status === "paused") && pastClose) return "closed";
  if (status === "scheduled" && opensAt !== null && now >= opensAt) return "open";
  return status;
}

/**
 * The instant from which no ballot of this election may count, once one is set: the effective
 * pause or close an official asked for, or the scheduled closing time, whichever comes first.
 * Null while voting has no end in sight. The aggregator sets aside any ballot cast at or after it.
 */
export function votingDeadline(election: Election): Date | null {
  const stopped =
    election.status === "paused" || election.status === "closed" || election.status === "certified"
      ? (election.stopsAt ?? null)
      : null;
  const candidates = [stopped, election.closesAt].filter((d): d is Date => d !== null);
  return candidates.length === 0 ? null : new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** Whether a ballot may be cast now, and if not, why (closed is final; not-open may change). */
export function checkCastingAllowed(election: Election, now: Date): Result<true> {
  const effective = effectiveStatus(election, now);
  if (effective === "open" && (election.status === "scheduled" || stopPending(election, now))) return ok(true);
  const pastClose = election.closesAt !== null && now >= election.closesAt;
  if (election.status === "closed" || election.status === "certified" || pastClose) {
    return fail("ELECTION_CLOSED", "This election is closed: no more ballots are accepted.", {
      status: election.status,
    });
  }
  const beforeOpen = election.opensAt !== null && now < election.opensAt;
  if (election.status !== "open" || beforeOpen) {
    return fail(
      "ELECTION_NOT_OPEN",
      election.status === "paused" ? "Voting is paused; try again later." : "This election is not open for voting yet.",
      {
        status: election.status,
      },
    );
  }
  return ok(true);
}

function scheduleProblem(election: Election, to: "scheduled" | "open", now: Date): string | undefined {
  if (election.questions.length === 0) return "An election needs at least one question.";
  const { opensAt, closesAt } = election;
  if (to === "scheduled" && (opensAt === null || closesAt === null))
    return "Set when the election opens and closes before scheduling it.";
  if (opensAt !== null && closesAt !== null && opensAt >= closesAt) return "The election must open before it closes.";
  if (closesAt !== null && closesAt <= now) return "The closing time has already passed.";
  if (to === "scheduled" && opensAt !== null && opensAt <= now)
    return "The opening time has already passed: open the election instead.";
  return undefined;
}
