import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { barFigures } from "../src/option-votes-chart";
import { QuestionResults } from "../src/results/question-results";
import { averageLength, countsScores, formatAverage, scoreStandings } from "../src/results/score-standings";
import { scoreBarFigures, scoreLeadSentence, scoreLeaderMark, scoreNote, scoreRows } from "../src/results/score-words";
import { questionSummaries, resultsDescription } from "../src/results/share-summary";
import { votesCast } from "../src/results/standings";
import { englishSentences, type UiText } from "../src/text/ui-text";
import { UiTextProvider } from "../src/text/ui-text-context";

const option = (id: string, label: string, votes: number) => ({ id, label, votes });

// 14 ballots, 2 abstaining: the averages are over 12. Each option's votes are its total score.
const park = {
  id: "park",
  kind: "score" as const,
  prompt: "How good is each plan for the park?",
  counts: "scores" as const,
  scoreRange: { min: 0, max: 5 },
  abstentions: 2,
  options: [option("pond", "Pond", 50), option("meadow", "Meadow", 36), option("trees", "Trees", 12)],
};
const tied = { ...park, options: [option("pond", "Pond", 48), option("meadow", "Meadow", 48)] };
const none = {
  ...park,
  abstentions: 0,
  options: [option("pond", "Pond", 0), option("meadow", "Meadow", 0)],
};

describe("a score question's averages", () => {
  it("divide each total score by the votes counted on the question: the ballots less its abstentions", () => {
    const s = scoreStandings(park, 14);
    expect(s.votesCounted).toBe(12);
    expect(s.options.map((o) => o.average)).toEqual([50 / 12, 3, 1]);
    expect(s.options.map((o) => o.total)).toEqual([50, 36, 12]);
    expect(s.leaders.map((o) => o.id)).toEqual(["pond"]);
    expect(s.tied).toBe(false);
    expect(s.range).toEqual({ min: 0, max: 5 });
  });

  it("with a weighted roll, are over the votes the ballots carry, not the ballots", () => {
    // Two delegates weighing 30 and 12; the 12 abstains; the 30 scores Pond 4 and Meadow 1.
    const weighted = {
      ...park,
      abstentions: 12,
      options: [option("pond", "Pond", 120), option("meadow", "Meadow", 30)],
    };
    const s = scoreStandings(weighted, votesCast({ turnout: 2, weightedVotes: 42 }));
    expect(s.votesCounted).toBe(30);
    expect(s.options.map((o) => o.average)).toEqual([4, 1]);
  });

  it("are none while no vote counts on the question, and nobody leads", () => {
    for (const s of [scoreStandings(none, 0), scoreStandings({ ...park, abstentions: 3 }, 3)]) {
      expect(s.votesCounted).toBe(0);
      expect(s.options.every((o) => o.average === undefined)).toBe(true);
      expect(s.leaders).toEqual([]);
      expect(s.tied).toBe(false);
    }
  });

  it("flag a shared highest average as a tie", () => {
    const s = scoreStandings(tied, 14);
    expect(s.tied).toBe(true);
    expect(s.leaders.map((o) => o.id)).toEqual(["pond", "meadow"]);
  });

  it("take the engine's range, 0 to 5, when the question names none", () => {
    const { scoreRange: _, ...unranged } = park;
    expect(scoreStandings(unranged, 14).range).toEqual({ min: 0, max: 5 });
    expect(scoreStandings({ ...park, scoreRange: { min: 1, max: 10 } }, 14).range).toEqual({ min: 1, max: 10 });
  });

  it("are written with one decimal, always, the locale's way", () => {
    expect(formatAverage(50 / 12, "en")).toBe("4.2");
    expect(formatAverage(3, "en")).toBe("3.0");
    expect(formatAverage(50 / 12, "de")).toBe("4,2");
    expect(formatAverage(1234.56, "en")).toBe("1,234.6");
  });

  it("fill a bar up to the range's highest score", () => {
    expect(averageLength(2.5, { min: 0, max: 5 })).toBe(0.5);
    expect(averageLength(10, { min: 1, max: 10 })).toBe(1);
    expect(averageLength(undefined, { min: 0, max: 5 })).toBe(0);
  });

  it("are what a question counting scores shows, whatever else it is", () => {
    expect(countsScores(park)).toBe(true);
    expect(countsScores({ kind: "score" })).toBe(true);
    expect(countsScores({ kind: "multi", counts: "choices" })).toBe(false);
    expect(countsScores({ kind: "ranked", counts: "first-preferences" })).toBe(false);
  });
});

describe("what a score question's standings say in words", () => {
  const s = scoreStandings(park, 14);

  it("names the highest average while voting goes on, and once final names no winner", () => {
    expect(scoreLeadSentence({ standings: s, outcome: "live" })).toBe(
      "Leading: Pond, with an average score of 4.2 out of 5.",
    );
    // The snapshot does not say whether STAR's runoff or several seats follow: the count by its method says who won.
    expect(scoreLeadSentence({ standings: s, outcome: "final" })).toBe("Highest average score: Pond, 4.2 out of 5.");
    expect(scoreLeaderMark({ standings: s, outcome: "live" })).toEqual({ text: "Leading", winner: false });
    expect(scoreLeaderMark({ standings: s, outcome: "final" })).toEqual({ text: "Highest average", winner: false });
  });

  it("flags a tie in words, naming every option in it", () => {
    const t = scoreStandings(tied, 14);
    expect(scoreLeadSentence({ standings: t, outcome: "live" })).toBe(
      "Tied for the lead: Pond and Meadow, with an average score of 4.0 out of 5 each.",
    );
    expect(scoreLeadSentence({ standings: t, outcome: "final" })).toBe(
      "Tie: Pond and Meadow share the highest average score, 4.0 out of 5.",
    );
    expect(scoreLeaderMark({ standings: t, outcome: "final" }).text).toBe("Tied for highest average");
  });

  it("says so before any score counts", () => {
    expect(scoreLeadSentence({ standings: scoreStandings(none, 0), outcome: "live" })).toBe("No scores yet.");
    expect(scoreLeadSentence({ standings: scoreStandings(none, 0), outcome: "final" })).toBe(
      "No ballot scored any option.",
    );
  });

  it("says what the averages are of, counting one vote in the singular", () => {
    expect(scoreNote(s)).toBe("Average score from 0 to 5 across 12 votes.");
    expect(scoreNote(scoreStandings({ ...park, abstentions: 0, scoreRange: { min: 1, max: 10 } }, 1))).toBe(
      "Average score from 1 to 10 across 1 vote.",
    );
    expect(scoreNote(scoreStandings(none, 0))).toBe("Scores from 0 to 5.");
  });

  it("gives each bar its average out of the highest score, not votes and a share", () => {
    expect(scoreBarFigures(50 / 12, s)).toBe("4.2 out of 5");
    expect(scoreBarFigures(undefined, s)).toBe("—");
    expect(barFigures({ label: "Pond", votes: 50, share: 0.83, figures: "4.2 out of 5", mark: "Leading" })).toBe(
      "4.2 out of 5 · Leading",
    );
  });
});

describe("a score question's standings as table rows", () => {
  const s = scoreStandings(park, 14);
  const leading = { text: "Leading", winner: false };

  it("has a row per option with its average and total score, the leader marked in words", () => {
    expect(scoreRows(s, 2, "hidden", leading)).toEqual([
      { key: "pond", option: "Pond", mark: leading, average: "4.2", total: "50" },
      { key: "meadow", option: "Meadow", average: "3.0", total: "36" },
      { key: "trees", option: "Trees", average: "1.0", total: "12" },
      // Abstentions are no score: their votes are said in words.
      { key: "abstained", option: "Abstained", average: "—", total: "2 votes" },
    ]);
  });

  it("keeps the abstentions' row at zero only where the site says so, and has no average before any vote", () => {
    const empty = scoreStandings(none, 0);
    expect(scoreRows(empty, 0, "hidden")).toEqual([
      { key: "pond", option: "Pond", average: "—", total: "0" },
      { key: "meadow", option: "Meadow", average: "—", total: "0" },
    ]);
    expect(scoreRows(empty, 0, "shown").at(-1)).toEqual({
      key: "abstained",
      option: "Abstained",
      average: "—",
      total: "0 votes",
    });
  });
});

type ScoreQuestion = typeof park & { counting?: { method: "score" | "star"; seats: number } };
const render = (props: { question?: ScoreQuestion; ballots?: number; outcome?: "live" | "final" } = {}) =>
  renderToStaticMarkup(
    <QuestionResults
      question={props.question ?? park}
      ballots={props.ballots ?? 14}
      {...(props.outcome ? { outcome: props.outcome } : {})}
      headingLevel={2}
      headingId="q"
      rankedNote="First preferences only."
      captionSuffix="votes per option"
      scrolls={false}
      zeroAbstentions="hidden"
    />,
  );

describe("a score question's markup", () => {
  it("shows averages and totals, with what they are of, and no votes or shares", () => {
    const html = render();
    expect(html).toContain("Leading: Pond, with an average score of 4.2 out of 5.");
    expect(html).toContain("Average score from 0 to 5 across 12 votes.");
    expect(html).toContain("How good is each plan for the park?: average and total score per option");
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(["Option", "Average score", "Total score"]);
    expect(html).toMatch(/Pond <span class="ls-badge ls-tone-info">Leading<\/span>/);
    expect(html).toMatch(/<td[^>]*>4\.2<\/td><td[^>]*>50<\/td>/);
    expect(html).toMatch(/<td[^>]*>—<\/td><td[^>]*>2 votes<\/td>/);
    // No share anywhere (the chart's styles aside).
    expect(html.replaceAll(/style="[^"]*"/g, "")).not.toMatch(/\d\s?%/);
    expect(html).not.toContain("Voters could choose several options");
    expect(html).not.toContain("First preferences only.");
  });

  it("warns, while STAR voting goes on, that the leader on scores may lose the runoff; not once final, nor for score voting", () => {
    const star = { ...park, counting: { method: "star" as const, seats: 1 } };
    const warning = "Counted by STAR: when voting ends, the two highest go to a runoff";
    expect(render({ question: star })).toContain(warning);
    expect(render({ question: star, outcome: "final" })).not.toContain(warning);
    expect(render({ question: { ...park, counting: { method: "score", seats: 1 } } })).not.toContain(warning);
  });

  it("says the highest average once final, and that no score counts before any vote", () => {
    expect(render({ outcome: "final" })).toContain("Highest average score: Pond, 4.2 out of 5.");
    const empty = render({
      question: { ...park, abstentions: 0, options: park.options.map((o) => ({ ...o, votes: 0 })) },
      ballots: 0,
    });
    expect(empty).toContain("No scores yet.");
    expect(empty).toContain("Scores from 0 to 5.");
    expect(empty).not.toContain("Leading");
  });

  it("writes the averages the site's way under its words", () => {
    const german: UiText = {
      locale: "de",
      dateLocale: "de",
      dir: "ltr",
      say: (key, ...values) => `«${(englishSentences[key] as (v: object) => string)(values[0] ?? {})}»`,
      authFailure: (failure) => `«${failure.reason}»`,
    };
    const html = renderToStaticMarkup(
      <UiTextProvider value={german}>
        <QuestionResults
          question={park}
          ballots={14}
          headingLevel={2}
          headingId="q"
          rankedNote=""
          captionSuffix="Stimmen je Option"
          scrolls={false}
          zeroAbstentions="hidden"
        />
      </UiTextProvider>,
    );
    expect(html).toContain("«Leading: Pond, with an average score of 4,2 out of 5.»");
    expect(html).toMatch(/<th[^>]*>«Average score»<\/th>/);
    expect(html).toMatch(/<td[^>]*>4,2<\/td>/);
  });
});

describe("a shared link to a score question's results", () => {
  const results = { turnout: 14, questions: [park] };

  it("sums the question up by its highest averages, their bars filled up to the highest score", () => {
    const [summary] = questionSummaries(results, 2);
    expect(summary).toEqual({
      id: "park",
      prompt: park.prompt,
      tied: false,
      options: [
        { label: "Pond", share: "4.2/5", width: 50 / 12 / 5, leading: true },
        { label: "Meadow", share: "3.0/5", width: 0.6, leading: false },
      ],
    });
    expect(questionSummaries(results, 1, "fr")[0]!.options[0]!.share).toBe("4,2/5");
  });

  it("says who leads by average score, who has the highest once final, or that it is a tie", () => {
    expect(resultsDescription(results, false)).toBe(
      `Live results: 14 ballots counted. ${park.prompt} Pond leads with an average score of 4.2 out of 5.`,
    );
    expect(resultsDescription(results, true)).toBe(
      `Final result: 14 ballots counted. ${park.prompt} Pond has the highest average score, 4.2 out of 5.`,
    );
    expect(resultsDescription({ turnout: 14, questions: [tied] }, false)).toMatch(
      /Pond and Meadow are tied at an average score of 4\.0 out of 5\.$/,
    );
    expect(resultsDescription({ turnout: 0, questions: [none] }, false)).toMatch(/ No scores yet\.$/);
  });
});
