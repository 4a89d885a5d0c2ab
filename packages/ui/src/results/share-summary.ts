import { englishUiText, type UiText } from "../text/ui-text";
import { averageLength, countsScores, formatAverage, type ScoreTotals, scoreStandings } from "./score-standings";
import { optionNames } from "./standing-words";
import { formatShare, standings, votesCast } from "./standings";

/**
 * What a shared link to the results says before anyone opens it: the page's description and the
 * preview image's figures, in the words the page itself uses.
 */
export interface SummaryInput {
  readonly turnout: number;
  /** With a weighted roll, the votes the counted ballots carry (see votesCast). */
  readonly weightedVotes?: number;
  /** A score question (`counts: "scores"`) is summed up by its averages, not by shares. */
  readonly questions: ReadonlyArray<ScoreTotals & { readonly id: string; readonly prompt: string }>;
}

export interface SummaryOption {
  readonly label: string;
  /** "42.9%"; a score question's average over its highest score, "4.2/5" ("—" while no vote counts). */
  readonly share: string;
  /** 0–1: how long its bar is drawn (a score question's: its average over the range's highest score). */
  readonly width: number;
  readonly leading: boolean;
}

export interface QuestionSummary {
  readonly id: string;
  readonly prompt: string;
  /** The options with the most votes (the highest averages), most first, at most `top`. */
  readonly options: readonly SummaryOption[];
  readonly tied: boolean;
}

export function questionSummaries(results: SummaryInput, top = 3, locale = "en"): QuestionSummary[] {
  return results.questions.map((q) => {
    if (countsScores(q)) return scoreSummary(q, votesCast(results), top, locale);
    const s = standings(q, votesCast(results));
    const options = [...s.options]
      .sort((a, b) => b.votes - a.votes)
      .slice(0, top)
      .map((o) => ({
        label: o.label,
        share: formatShare(o.share, locale),
        width: Math.min(1, o.share),
        leading: o.leading,
      }));
    return { id: q.id, prompt: q.prompt, options, tied: s.tied };
  });
}

/** The options with the highest averages: "4.2/5", a figure any language reads, for the preview picture. */
function scoreSummary(
  q: SummaryInput["questions"][number],
  votes: number,
  top: number,
  locale: string,
): QuestionSummary {
  const s = scoreStandings(q, votes);
  const outOf = new Intl.NumberFormat(locale).format(s.range.max);
  const options = [...s.options]
    .sort((a, b) => b.total - a.total)
    .slice(0, top)
    .map((o) => ({
      label: o.label,
      share: o.average === undefined ? "—" : `${formatAverage(o.average, locale)}/${outOf}`,
      width: averageLength(o.average, s.range),
      leading: o.leading,
    }));
  return { id: q.id, prompt: q.prompt, options, tied: s.tied };
}

/** "Live results: 1,234 ballots counted. Which animal…? Otter leads with 42.9%." */
export function resultsDescription(results: SummaryInput, final: boolean, text: UiText = englishUiText): string {
  const opening = text.say("summaryOpening", { final: final ? "yes" : "no", count: results.turnout });
  const first = results.questions[0];
  if (!first) return opening;
  if (countsScores(first))
    return `${opening} ${first.prompt} ${scoreSummarySentence(first, votesCast(results), final, text)}`;
  const s = standings(first, votesCast(results));
  const top = s.leaders[0];
  if (!top) return `${opening} ${first.prompt} ${text.say("leadNoVotesYet")}`;
  const share = formatShare(top.share, text.locale);
  const lead = s.tied
    ? text.say("summaryTied", { options: optionNames(s.leaders, text), share })
    : text.say(final ? "summaryMostVotes" : "summaryLeads", { option: top.label, share });
  return `${opening} ${first.prompt} ${lead}`;
}

/** "Otter leads with an average score of 4.2 out of 5.", or its tie, or that no score counts yet. */
function scoreSummarySentence(
  q: SummaryInput["questions"][number],
  votes: number,
  final: boolean,
  text: UiText,
): string {
  const s = scoreStandings(q, votes);
  const top = s.leaders[0];
  if (!top || top.average === undefined) return text.say(final ? "leadScoreNone" : "leadScoreNoneYet");
  const score = { average: formatAverage(top.average, text.locale), max: s.range.max };
  if (s.tied) return text.say("summaryScoreTied", { options: optionNames(s.leaders, text), ...score });
  return text.say(final ? "summaryScoreHighest" : "summaryScoreLeads", { option: top.label, ...score });
}
