import {
  countersOf,
  EXTRA_WEIGHT,
  type ExportElection,
  type InstantRunoffCount,
  type NamedCounter,
  type RecountForExport,
  votesCast,
} from "@landslide/api/client";
import {
  formatShare,
  leadSentence,
  methodInWords,
  needsMethodView,
  standings,
  tieBreakItems,
  votesWord,
} from "@landslide/ui/live-results";
import type { UiText } from "@landslide/ui/ui-text";
import type { Translate } from "../../../../i18n/english";
import type { ScoreRangeDraft } from "../form/draft";
import { DEFAULT_SCORE_RANGE } from "../form/score-range";

/**
 * The result an official is about to certify, restated question by question from the recount (not
 * the live tally): counts, shares, who leads or was elected, and every tie with how it was broken,
 * or that it was not. Pure, so the dialog's words are tested.
 */
export interface OptionLine {
  readonly id: string;
  readonly label: string;
  /** For a score question, its total score (the sum of every ballot's score times its weight). */
  readonly votes: number;
  /** "50.0%", of the votes given to options (of the answering ballots for multiple choice); of all points for scores, so not shown. */
  readonly share: string;
  readonly leading: boolean;
  /** Score questions: "3.4", its score per ballot that answered the question; absent when none did. */
  readonly average?: string;
}

export type Outcome =
  | { readonly kind: "no-votes" }
  /** Single or multiple choice with one option ahead of every other. */
  | { readonly kind: "leader"; readonly label: string; readonly votes: number }
  /** Single or multiple choice with several options sharing the most votes: nothing breaks it. */
  | { readonly kind: "tie"; readonly labels: readonly string[]; readonly votes: number }
  /** Ranked: elected by instant runoff, every tie for elimination broken by the published rule. */
  | {
      readonly kind: "runoff";
      readonly winner: string;
      readonly rounds: number;
      readonly tieBreaks: readonly string[];
    }
  /**
   * Counted by another method or for several seats: the elected in order, every tie settled by
   * the election's declared rule (each shown with its record).
   */
  | {
      readonly kind: "elected";
      readonly method: string;
      readonly winners: readonly string[];
      readonly seats: number;
      readonly tieBreaks: readonly string[];
    };

export interface QuestionRestatement {
  readonly id: string;
  readonly prompt: string;
  readonly kind: string;
  readonly options: readonly OptionLine[];
  /** Score questions only: the scores a voter could give, so that an average reads against its scale. */
  readonly scoreRange?: ScoreRangeDraft;
  readonly abstentions: number;
  readonly outcome: Outcome;
  /** The sentence that says the outcome, ties included. */
  readonly sentence: string;
}

export interface Restatement {
  readonly turnout: number;
  readonly questions: readonly QuestionRestatement[];
  /** Questions whose top is shared and that no rule decides: the official must acknowledge each. */
  readonly unresolvedTies: readonly QuestionRestatement[];
}

/** The election as the exports take it, with each score question's range (the officials' list has it). */
type RestatedElection = Omit<ExportElection, "questions"> & {
  readonly questions: ReadonlyArray<ExportElection["questions"][number] & { readonly scoreRange?: ScoreRangeDraft }>;
};

/**
 * In the page's words: `text` is the shared components' (for the lead, as the results pages say
 * it), `t` the console's (for the runoff and its ties).
 */
export function restateResult(
  election: RestatedElection,
  recount: RecountForExport,
  text: UiText,
  t: Translate,
): Restatement {
  const { locale } = text;
  // The counters are named by countersOf (the same names as the exports), read back here by what
  // each counts; a counter the recount left out is zero (the count drops zero counters).
  const named = countersOf(election);
  const count = (c: NamedCounter | undefined) => (c ? (recount.counters[c.counter] ?? 0) : 0);
  const turnout = count(named[0]); // countersOf lists the turnout first
  // The votes those ballots carry: with a weighted roll, what multi-choice shares are of.
  const votes = votesCast({ turnout, weightedVotes: turnout + (recount.counters[EXTRA_WEIGHT] ?? 0) });

  const ofQuestion = (id: string) => named.filter((c) => c.question?.id === id);
  const questions = election.questions.map((q): QuestionRestatement => {
    const counters = ofQuestion(q.id);
    const totals = {
      kind: q.kind,
      options: q.options.map((o) => ({
        id: o.id,
        label: o.label,
        votes: count(counters.find((c) => c.optionId === o.id)),
      })),
      abstentions: count(counters.find((c) => c.optionId === undefined)),
    };
    const standing = standings(totals, votes);
    // A score question's counters are total scores, not votes: each is told as an average over the
    // ballots that answered the question (the votes they carry, less abstentions: the engine's rule).
    const scored = q.kind === "score";
    const answering = votes - totals.abstentions;
    const average = (total: number) =>
      scored && answering > 0 ? { average: formatAverage(total / answering, locale) } : {};
    const options = standing.options.map((o) => ({ ...o, share: formatShare(o.share, locale), ...average(o.votes) }));
    const irv = recount.instantRunoff[q.id];
    const byMethod = recount.counts?.[q.id];
    const labelOf = (id: string) => isolated(q.options.find((o) => o.id === id)?.label ?? id, text);
    const outcome: Outcome =
      byMethod && needsMethodView(byMethod)
        ? {
            kind: "elected",
            method: methodInWords(byMethod.method, text),
            winners: byMethod.winners.map(labelOf),
            seats: byMethod.seats,
            tieBreaks: tieBreakItems(q.options, byMethod, text).map((tie) => tie.sentence),
          }
        : q.kind === "ranked" && irv
          ? runoffOutcome(irv, labelOf, text, t)
          : standing.leaders.length === 0
            ? { kind: "no-votes" }
            : standing.tied
              ? { kind: "tie", labels: standing.leaders.map((o) => o.label), votes: standing.leaders[0]!.votes }
              : { kind: "leader", label: standing.leaders[0]!.label, votes: standing.leaders[0]!.votes };
    return {
      id: q.id,
      prompt: q.prompt,
      kind: q.kind,
      options,
      ...(scored ? { scoreRange: q.scoreRange ?? DEFAULT_SCORE_RANGE } : {}),
      abstentions: totals.abstentions,
      outcome,
      sentence:
        outcome.kind === "runoff"
          ? t("restatement.runoff", {
              winner: outcome.winner,
              rounds: outcome.rounds,
              ties: outcome.tieBreaks.length,
            })
          : outcome.kind === "elected"
            ? t("restatement.elected", {
                method: outcome.method,
                elected: outcome.winners.length ? listed(outcome.winners, text.locale) : t("restatement.noOne"),
                filled: outcome.winners.length,
                seats: outcome.seats,
                ties: outcome.tieBreaks.length,
              })
            : leadSentence({ kind: q.kind, standings: standing, outcome: "final" }, text),
    };
  });
  return { turnout, questions, unresolvedTies: questions.filter((q) => q.outcome.kind === "tie") };
}

function runoffOutcome(irv: InstantRunoffCount, labelOf: (id: string) => string, text: UiText, t: Translate): Outcome {
  if (irv.winner === null) return { kind: "no-votes" };
  return {
    kind: "runoff",
    winner: labelOf(irv.winner),
    rounds: irv.rounds.length,
    tieBreaks: irv.rounds.filter((r) => r.tieBreak !== undefined).map((r) => tieBreakSentence(r, labelOf, text, t)),
  };
}

/**
 * A tie for elimination in words, with labels rather than the engine's option ids. The engine's
 * rule (vote-engine instant-runoff.ts): look back to the latest earlier round where the tied
 * options differ; if none, the one last in the ballot's order goes.
 */
function tieBreakSentence(
  round: InstantRunoffCount["rounds"][number],
  labelOf: (id: string) => string,
  text: UiText,
  t: Translate,
): string {
  const fewest = Math.min(...Object.values(round.tallies));
  const tied = Object.keys(round.tallies).filter((id) => round.tallies[id] === fewest);
  const loser = round.eliminated[0];
  // The engine's reason is English prose: only the round it cites is read from it.
  const byRound = /round (\d+)/.exec(round.tieBreak ?? "");
  return t(byRound ? "restatement.tieByRound" : "restatement.tieByOrder", {
    round: round.round,
    tied: listed(tied.map(labelOf), text.locale),
    votes: votesWord(fewest, text),
    loser: loser === undefined ? t("restatement.noOne") : labelOf(loser),
    earlier: Number(byRound?.[1] ?? 0),
  });
}

/** "3.4", "2.67", "5": at most two decimals, enough to tell two averages apart on a 0-to-10 scale. */
function formatAverage(average: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(average);
}

/** An option's label as it runs into a right-to-left sentence: in its own direction (FSI…PDI), as the shared words do. */
const isolated = (label: string, text: UiText) => (text.dir === "rtl" ? `\u2068${label}\u2069` : label);

/** "A", "A and B", "A, B and C", as the language joins names. */
export function listed(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}
