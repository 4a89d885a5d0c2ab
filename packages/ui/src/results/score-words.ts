import { englishUiText, type UiText } from "../text/ui-text";
import { formatAverage, type ScoreStandings } from "./score-standings";
import { type LeaderMark, optionNames, type Outcome, votesWord } from "./standing-words";

/**
 * What a score question's standings say in words: the highest average score, never "votes" or
 * "share of ballots" (an option's votes are its total score). "live" says who leads; "final" who
 * has the highest average, and no more: the snapshot does not say whether score voting (perhaps
 * for several seats) or STAR (whose runoff may elect the other finalist) counts it, so it names no
 * winner; the final count by its method does (method-count.ts). Every function takes the site's
 * words last (English unless given: the console).
 */
export interface ScoreWordsInput {
  readonly standings: ScoreStandings;
  readonly outcome: Outcome;
}

/** "Leading", "Tied for the lead"; once final "Highest average", or its tie. Never a winner's green badge. */
export function scoreLeaderMark({ standings, outcome }: ScoreWordsInput, text: UiText = englishUiText): LeaderMark {
  const key =
    outcome === "live"
      ? standings.tied
        ? "markTiedForLead"
        : "markLeading"
      : standings.tied
        ? "markTiedForHighestAverage"
        : "markHighestAverage";
  return { text: text.say(key), winner: false };
}

/** One sentence under the question: who has the highest average score (out of the range's highest), or that it is shared. */
export function scoreLeadSentence({ standings, outcome }: ScoreWordsInput, text: UiText = englishUiText): string {
  const first = standings.leaders[0];
  if (!first || first.average === undefined)
    return text.say(outcome === "final" ? "leadScoreNone" : "leadScoreNoneYet");
  const average = formatAverage(first.average, text.locale);
  const max = standings.range.max;
  if (standings.tied) {
    const tied = { options: optionNames(standings.leaders, text), average, max };
    return text.say(outcome === "final" ? "leadScoreTie" : "leadScoreTiedForLead", tied);
  }
  return text.say(outcome === "final" ? "leadScoreHighest" : "leadScoreLeading", { option: first.label, average, max });
}

/** "Average score from 0 to 5 across 12 votes.": what the averages are of. */
export function scoreNote({ range, votesCounted }: ScoreStandings, text: UiText = englishUiText): string {
  return text.say("scoreNote", { min: range.min, max: range.max, count: votesCounted });
}

/** A bar's figures: "4.2 out of 5", or a dash while there is no average. */
export function scoreBarFigures(average: number | undefined, standings: ScoreStandings, text: UiText = englishUiText) {
  if (average === undefined) return "—";
  return text.say("scoreOutOf", { average: formatAverage(average, text.locale), max: standings.range.max });
}

export interface ScoreRow {
  readonly key: string;
  readonly option: string;
  /** "Leading", "Highest average", …: said beside the option's name, not by colour. */
  readonly mark?: LeaderMark;
  /** "4.2"; "—" while no vote counts, and on the abstentions' row. */
  readonly average: string;
  /** The option's total score; the abstentions' row says its votes in words ("3 votes"): they are no score. */
  readonly total: string;
}

/**
 * A score question's standings as table rows: one per option with its average and total score,
 * then the abstentions, kept or left out at zero as voteRows does.
 */
export function scoreRows(
  { options }: ScoreStandings,
  abstentions: number,
  zeroAbstentions: "shown" | "hidden",
  mark?: LeaderMark,
  text: UiText = englishUiText,
): ScoreRow[] {
  const rows: ScoreRow[] = options.map((o) => ({
    key: o.id,
    option: o.label,
    ...(o.leading && mark ? { mark } : {}),
    average: o.average === undefined ? "—" : formatAverage(o.average, text.locale),
    total: o.total.toLocaleString(text.locale),
  }));
  if (abstentions > 0 || zeroAbstentions === "shown")
    rows.push({
      key: "abstained",
      option: text.say("abstained"),
      average: "—",
      total: votesWord(abstentions, text),
    });
  return rows;
}
