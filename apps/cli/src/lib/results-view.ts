import { votesCast } from "@landslide/api/client";
import type { ResultsSnapshot } from "@landslide/vote-engine";
import { count, shortTime, table } from "./format";
import { average, leadLine, percent, questionStandings, scoreLeadLine, scoreStandings } from "./results-standings";
import { terminalText } from "./terminal-text";

/**
 * A results snapshot as people read it: a header line with the turnout, then per question its
 * options with votes and share, and a line saying who leads or that it is a tie (a ranked
 * question's live counts are first preferences; a score question's options show their average
 * and total scores).
 */
export function resultsTable(
  snapshot: ResultsSnapshot,
  election: { readonly title: string; readonly status?: string } | undefined,
): string {
  const heading = !election
    ? `Election ${snapshot.electionId}`
    : election.status
      ? `${election.title} (${election.status})`
      : election.title;
  // Only a certified count is confirmed by the recount: it names winners; any other names leaders.
  const outcome = election?.status === "certified" ? "final" : "live";
  // Written straight to stdout (and redrawn in place under --watch): the title and prompts, a server's text, made safe to print here.
  const lines = [
    terminalText(heading),
    `${count(snapshot.turnout, "ballot")} counted${weighted(snapshot)}, ${snapshot.quarantined} held for review; as of ${shortTime(snapshot.asOf)} (version ${snapshot.version})`,
  ];
  for (const question of snapshot.questions) {
    if (question.kind === "score") {
      lines.push("", scoreQuestion(question, snapshot));
      continue;
    }
    const standings = questionStandings(question, votesCast(snapshot));
    const rows = [
      ...standings.options.map((o) => ({ label: o.label, votes: o.votes, share: percent(o.share) })),
      { label: "Abstained", votes: question.abstentions, share: "—" },
    ];
    lines.push(
      "",
      terminalText(
        question.counts === "first-preferences" ? `${question.prompt} (first preferences)` : question.prompt,
      ),
      table(
        rows,
        [
          { header: "OPTION", value: (r) => r.label },
          { header: "VOTES", value: (r) => r.votes, align: "right" },
          { header: "SHARE", value: (r) => r.share, align: "right" },
        ],
        "  ",
      ),
      `  ${terminalText(leadLine(question.kind, standings, outcome))}`,
    );
  }
  return lines.join("\n");
}

/**
 * A score question: each option's average score and total, highest average first (the same order
 * as by total: every option's average is over the same votes), who has the highest, and the range
 * the scores run over with what the averages are taken of.
 */
function scoreQuestion(question: ResultsSnapshot["questions"][number], snapshot: ResultsSnapshot): string {
  const standings = scoreStandings(question, votesCast(snapshot));
  // Stable: equal totals stay in ballot order.
  const rows = [...standings.options].sort((a, b) => b.votes - a.votes);
  const { min, max } = standings.scoreRange;
  const unit = snapshot.weightedVotes === undefined ? "ballot" : "vote";
  const over =
    standings.scoredBy > 0
      ? `; each average is over the ${count(standings.scoredBy, unit)} that scored this question`
      : "";
  const abstained = question.abstentions > 0 ? ` (${question.abstentions} abstained)` : "";
  return [
    terminalText(question.prompt),
    table(
      rows,
      [
        { header: "OPTION", value: (o) => o.label },
        { header: "AVERAGE", value: (o) => average(o.average), align: "right" },
        { header: "TOTAL SCORE", value: (o) => o.votes, align: "right" },
      ],
      "  ",
    ),
    `  ${terminalText(scoreLeadLine(standings))}`,
    `  Scores run from ${min} to ${max}${over}${abstained}.`,
  ].join("\n");
}

/** With a weighted roll, the votes the ballots carry, which every figure below counts: " (42 votes by the roll's weights)". */
function weighted(snapshot: ResultsSnapshot): string {
  return snapshot.weightedVotes === undefined
    ? ""
    : ` (${count(snapshot.weightedVotes, "vote")} by the roll's weights)`;
}
