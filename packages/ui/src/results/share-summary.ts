import { englishUiText, type UiText } from "../text/ui-text";
import { optionNames } from "./standing-words";
import { formatShare, standings, type TotalsForStandings, votesCast } from "./standings";

/**
 * What a shared link to the results says before anyone opens it: the page's description and the
 * preview image's figures, in the words the page itself uses.
 */
export interface SummaryInput {
  readonly turnout: number;
  /** With a weighted roll, the votes the counted ballots carry (see votesCast). */
  readonly weightedVotes?: number;
  readonly questions: ReadonlyArray<TotalsForStandings & { readonly id: string; readonly prompt: string }>;
}

export interface SummaryOption {
  readonly label: string;
  /** "42.9%". */
  readonly share: string;
  /** 0–1: how long its bar is drawn. */
  readonly width: number;
  readonly leading: boolean;
}

export interface QuestionSummary {
  readonly id: string;
  readonly prompt: string;
  /** The options with the most votes, most first, at most `top`. */
  readonly options: readonly SummaryOption[];
  readonly tied: boolean;
}

export function questionSummaries(results: SummaryInput, top = 3, locale = "en"): QuestionSummary[] {
  return results.questions.map((q) => {
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

/** "Live results: 1,234 ballots counted. Which animal…? Otter leads with 42.9%." */
export function resultsDescription(results: SummaryInput, final: boolean, text: UiText = englishUiText): string {
  const opening = text.say("summaryOpening", { final: final ? "yes" : "no", count: results.turnout });
  const first = results.questions[0];
  if (!first) return opening;
  const s = standings(first, votesCast(results));
  const top = s.leaders[0];
  if (!top) return `${opening} ${first.prompt} ${text.say("leadNoVotesYet")}`;
  const share = formatShare(top.share, text.locale);
  const lead = s.tied
    ? text.say("summaryTied", { options: optionNames(s.leaders, text), share })
    : text.say(final ? "summaryMostVotes" : "summaryLeads", { option: top.label, share });
  return `${opening} ${first.prompt} ${lead}`;
}
