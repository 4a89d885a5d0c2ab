import type { CountResult } from "@landslide/api/client";
import { englishUiText, type UiText } from "../text/ui-text";

/**
 * Any counting method's final count, as the engine reports it (its `CountResult`, in
 * packages/vote-engine/src/tally/counting/counting-method.ts), told in rows and sentences a person
 * reads. The type is the engine's own (through the API's client), so it cannot drift from what
 * the engine counts.
 */
export type MethodCount = CountResult;
export type MethodCountRound = MethodCount["rounds"][number];
export type MethodTieBreak = MethodCount["tieBreaks"][number];
export type CountMethodName = MethodCount["method"];
/** Which rule settled a tie: an earlier round, or the election's declared tie breaker. */
export type CountTieRule = MethodTieBreak["rule"];

export interface LabelledOption {
  readonly id: string;
  readonly label: string;
}

export interface CountColumn {
  readonly key: string;
  readonly header: string;
}

/**
 * Whether a count says more than the ordinary results views show: more than one seat, or a method
 * other than the plurality, approval and instant runoff every question had before it could name
 * one; or what those views cannot tell: a round that eliminated several options at once (batch
 * elimination), a tie settled by lot or by a recorded draw (they know only an earlier round and
 * the ballot's order). Those views stay as they were for the questions they always told whole.
 */
export function needsMethodView(count: Pick<MethodCount, "method" | "seats" | "rounds" | "tieBreaks">): boolean {
  return (
    count.seats > 1 ||
    !["plurality", "approval", "instant-runoff"].includes(count.method) ||
    count.rounds.some((round) => round.eliminated.length > 1) ||
    count.tieBreaks.some((tie) => tie.rule === "lot" || tie.rule === "recorded-draw")
  );
}

/**
 * "12.5", "1,234", "3.000000001", in the site's locale: every decimal the count carries (Meek
 * works to 9 places, the Scottish rules to 5), so a figure reads as the recount has it; Intl's
 * standard notation never switches to an exponent, however large or small the number.
 */
export function tallyFormat(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 9 });
  return (value) => format.format(value);
}

/** The method's name in words: "Single transferable vote (Meek)", never "stv-meek". */
export function methodInWords(method: CountMethodName, text: UiText = englishUiText): string {
  switch (method) {
    case "plurality":
      return text.say("countMethodPlurality");
    case "approval":
      return text.say("countMethodApproval");
    case "instant-runoff":
      return text.say("countMethodInstantRunoff");
    case "stv-meek":
      return text.say("countMethodStvMeek");
    case "stv-scottish":
      return text.say("countMethodStvScottish");
    case "schulze":
      return text.say("countMethodSchulze");
    case "ranked-pairs":
      return text.say("countMethodRankedPairs");
    case "score":
      return text.say("countMethodScore");
    case "star":
      return text.say("countMethodStar");
    case "borda":
      return text.say("countMethodBorda");
  }
}

/** The tie rule in words, as a noun phrase: "a lot drawn from the published seed". */
export function tieRuleInWords(rule: CountTieRule, text: UiText = englishUiText): string {
  switch (rule) {
    case "look-back":
      return text.say("countRuleLookBack");
    case "option-order":
      return text.say("countRuleOptionOrder");
    case "lot":
      return text.say("countRuleLot");
    case "recorded-draw":
      return text.say("countRuleRecordedDraw");
  }
}

// An option the count names but the ballot no longer lists still gets words, never its id.
const labeller = (options: readonly LabelledOption[], text: UiText) => (id: string) =>
  options.find((o) => o.id === id)?.label ?? text.say("runoffGoneOption");

/**
 * "Ada, Bo and Cy" as the site's language joins names. On a right-to-left page each is isolated
 * (FSI…PDI): a list is not a single entered value, so the translator cannot isolate it as it does
 * `option`.
 */
function listOf(labels: readonly string[], text: UiText): string {
  return new Intl.ListFormat(text.locale, { style: "long", type: "conjunction" }).format(
    labels.map((label) => (text.dir === "rtl" ? `\u2068${label}\u2069` : label)),
  );
}

/** The winners in the order they were elected, with their labels. */
export function electedInOrder(
  options: readonly LabelledOption[],
  count: MethodCount,
  text: UiText = englishUiText,
): LabelledOption[] {
  const label = labeller(options, text);
  return count.winners.map((id) => ({ id, label: label(id) }));
}

/** "2 of 3 seats filled." */
export function seatsFilledSentence(count: MethodCount, text: UiText = englishUiText): string {
  return text.say("countSeatsFilled", { filled: count.winners.length, seats: count.seats });
}

/** "4 ballots marked nothing and took no part in the count.", or nothing when none did. */
export function abstentionsSentence(count: MethodCount, text: UiText = englishUiText): string | undefined {
  return count.abstentions > 0 ? text.say("countAbstentions", { count: count.abstentions }) : undefined;
}

/** What a round's figures are: the methods with a single round count different things. */
function roundHeader(method: CountMethodName, round: MethodCountRound, text: UiText): string {
  switch (method) {
    case "instant-runoff":
    case "stv-meek":
    case "stv-scottish":
      return text.say("countColumnRound", { round: round.round });
    case "star":
      return text.say(round.round === 1 ? "countColumnTotalScore" : "countColumnStarRunoff");
    case "plurality":
      return text.say("countColumnVotes");
    case "approval":
      return text.say("countColumnApprovals");
    case "score":
      return text.say("countColumnTotalScore");
    case "borda":
      return text.say("countColumnBordaPoints");
    case "schulze":
      return text.say("countColumnSchulzeWins");
    case "ranked-pairs":
      return text.say("countColumnRankedPairs");
  }
}

export interface CountRow {
  readonly key: string;
  readonly label: string;
  /** "exhausted" and "quota" rows follow the options' and carry no option. */
  readonly kind: "option" | "exhausted" | "quota";
  /** One of the winners: the view marks it in words. */
  readonly elected: boolean;
  /** One per column after the label, in the rounds' order. */
  readonly cells: readonly string[];
}

export interface RoundsTable {
  readonly caption: string;
  /** The rounds' columns (the label column is the view's). */
  readonly columns: readonly CountColumn[];
  readonly rows: readonly CountRow[];
}

/**
 * One row per option (ballot order), one column per round: its figure that round, marked in the
 * round it was elected or eliminated, "out" once it has left the count. Then the votes with no
 * choice left (STAR: the runoff's ballots with no preference) and the quota, when the rounds
 * carry them; a round that does not carries an empty cell.
 */
export function countRoundsTable(
  prompt: string,
  options: readonly LabelledOption[],
  count: MethodCount,
  text: UiText = englishUiText,
): RoundsTable {
  const format = tallyFormat(text.locale);
  const { rounds } = count;
  const cell = (round: MethodCountRound, id: string) => {
    const tally = round.tallies[id];
    if (tally === undefined) return text.say("countCellOut");
    if (round.eliminated.includes(id)) return text.say("countCellEliminated", { votes: format(tally) });
    if (round.elected.includes(id)) return text.say("countCellElected", { votes: format(tally) });
    return format(tally);
  };
  const optional = (value: number | undefined) => (value === undefined ? "" : format(value));
  const rows: CountRow[] = options.map((o) => ({
    key: `option-${o.id}`,
    label: o.label,
    kind: "option",
    elected: count.winners.includes(o.id),
    cells: rounds.map((r) => cell(r, o.id)),
  }));
  if (rounds.some((r) => r.exhausted !== undefined)) {
    rows.push({
      key: "exhausted",
      label: text.say(count.method === "star" ? "countRowNoPreference" : "countRowExhausted"),
      kind: "exhausted",
      elected: false,
      cells: rounds.map((r) => optional(r.exhausted)),
    });
  }
  if (rounds.some((r) => r.quota !== undefined)) {
    rows.push({
      key: "quota",
      label: text.say("countRowQuota"),
      kind: "quota",
      elected: false,
      cells: rounds.map((r) => optional(r.quota)),
    });
  }
  return {
    caption: text.say(rounds.length > 1 ? "countRoundsCaption" : "countTotalsCaption", { prompt }),
    columns: rounds.map((r) => ({ key: `round-${r.round}`, header: roundHeader(count.method, r, text) })),
    rows,
  };
}

export interface CountTransfer {
  /** Stable among a count's transfers: an option moves votes at most once per round. */
  readonly key: string;
  /** The round at whose end the votes moved. */
  readonly afterRound: number;
  readonly from: string;
  /** "surplus": `from` was elected (by then) and passed on what it had beyond the quota. */
  readonly what: "surplus" | "votes";
  /** Most first; an option that gave votes back (a Meek keep value falling) has a negative figure, last. */
  readonly to: ReadonlyArray<{ readonly label: string; readonly votes: number }>;
  readonly exhausted: number;
}

/** Every transfer the rounds report, in round order, as the engine lists them within a round. */
export function countTransfers(
  options: readonly LabelledOption[],
  count: MethodCount,
  text: UiText = englishUiText,
): CountTransfer[] {
  const label = labeller(options, text);
  const electedBy = (at: number, id: string) => count.rounds.slice(0, at + 1).some((r) => r.elected.includes(id));
  return count.rounds.flatMap((round, at) =>
    (round.transfers ?? []).map((t) => ({
      key: `${round.round}-${t.from}`,
      afterRound: round.round,
      from: label(t.from),
      what: electedBy(at, t.from) ? ("surplus" as const) : ("votes" as const),
      to: Object.entries(t.to)
        .filter(([, votes]) => votes !== 0)
        .map(([id, votes]) => ({ label: label(id), votes }))
        .sort((a, b) => b.votes - a.votes),
      exhausted: t.exhausted,
    })),
  );
}

/** "After round 2, Carol's surplus moved: 12.5 to Alice, 3 to Bob, 1 ran out of choices." */
export function countTransferSentence(t: CountTransfer, text: UiText = englishUiText): string {
  const format = tallyFormat(text.locale);
  const moved = t.to.map((to) =>
    to.votes > 0
      ? text.say("countTransferTo", { votes: format(to.votes), option: to.label })
      : text.say("countTransferLess", { votes: format(-to.votes), option: to.label }),
  );
  // Shown signed: the excess only grows in every method the engine has, so a fall would be news.
  const exhausted = t.exhausted !== 0 ? [text.say("countTransferExhausted", { votes: format(t.exhausted) })] : [];
  const moves = [...moved, ...exhausted];
  const said = { round: t.afterRound, option: t.from, what: t.what };
  return moves.length > 0
    ? text.say("countTransfer", { ...said, moves: moves.join(text.say("listSeparator")) })
    : text.say("countTransferNone", said);
}

export interface PairwiseTable {
  readonly caption: string;
  /** One per option, "over Alice"; the row's own label column is the view's. */
  readonly columns: readonly CountColumn[];
  readonly rows: ReadonlyArray<{ readonly key: string; readonly label: string; readonly cells: readonly string[] }>;
}

/** The head-to-head matrix, options in ballot order; the diagonal (an option against itself) is empty. */
export function pairwiseTable(
  prompt: string,
  options: readonly LabelledOption[],
  count: MethodCount,
  text: UiText = englishUiText,
): PairwiseTable | undefined {
  const { pairwise } = count;
  if (pairwise === undefined) return undefined;
  const format = tallyFormat(text.locale);
  const shown = options.filter((o) => pairwise[o.id] !== undefined);
  return {
    caption: text.say("countPairwiseCaption", { prompt }),
    columns: shown.map((o) => ({ key: `over-${o.id}`, header: text.say("countPairwiseOver", { option: o.label }) })),
    rows: shown.map((row) => ({
      key: `row-${row.id}`,
      label: row.label,
      cells: shown.map((column) => (column.id === row.id ? "" : format(pairwise[row.id]?.[column.id] ?? 0))),
    })),
  };
}

/** Who beats every other option head to head, or that no one does; nothing for a method that does not say. */
export function condorcetSentence(
  options: readonly LabelledOption[],
  count: MethodCount,
  text: UiText = englishUiText,
): string | undefined {
  if (count.condorcetWinner === undefined) return undefined;
  if (count.condorcetWinner === null) return text.say("countCondorcetNone");
  return text.say("countCondorcetWinner", { option: labeller(options, text)(count.condorcetWinner) });
}

export interface TieBreakItem {
  readonly key: string;
  /** In the site's language, with the options' labels. */
  readonly sentence: string;
  /** The engine's own account, in English and by option id, as the audit bundle has it. */
  readonly explanation: string;
}

/** One item per tie the count met, in the order it met them. */
export function tieBreakItems(
  options: readonly LabelledOption[],
  count: MethodCount,
  text: UiText = englishUiText,
): TieBreakItem[] {
  const label = labeller(options, text);
  return count.tieBreaks.map((tie, at) => ({
    key: `tie-${at}`,
    sentence: text.say("countTieBreak", {
      round: tie.round,
      options: listOf(tie.between.map(label), text),
      chosen: listOf(tie.chosen.map(label), text),
      rule: tieRuleInWords(tie.rule, text),
    }),
    explanation: tie.explanation,
  }));
}

/**
 * STAR's automatic runoff (its second round: the two finalists' tallies are the ballots preferring
 * each, `exhausted` those scoring both the same): "Runoff between the two highest scores: Alice
 * preferred on 12 ballots, Bob on 8, 2 scored both the same." The winner is named first.
 */
export function starRunoffSentence(
  options: readonly LabelledOption[],
  count: MethodCount,
  text: UiText = englishUiText,
): string | undefined {
  const runoff = count.rounds[1];
  if (count.method !== "star" || runoff === undefined) return undefined;
  const label = labeller(options, text);
  const finalists = Object.entries(runoff.tallies).sort(
    ([a], [b]) => Number(runoff.elected.includes(b)) - Number(runoff.elected.includes(a)),
  );
  const parts = finalists.map(([id, ballots], at) =>
    text.say(at === 0 ? "countStarRunoffFirst" : "countStarRunoffNext", { option: label(id), count: ballots }),
  );
  if ((runoff.exhausted ?? 0) > 0) parts.push(text.say("countStarRunoffSame", { count: runoff.exhausted ?? 0 }));
  return text.say("countStarRunoff", { parts: parts.join(text.say("listSeparator")) });
}
