import type { ResultsSnapshot } from "@landslide/vote-engine";
import { count, shortTime, table } from "./format";
import { terminalText } from "./terminal-text";

/** A share of the ballots counted, "66.7%"; "—" before the first. */
const share = (votes: number, of: number) => (of === 0 ? "—" : `${((100 * votes) / of).toFixed(1)}%`);

/**
 * A results snapshot as people read it: a header line, then per question its options with votes
 * and share of the ballots counted (a ranked question's live counts are first preferences).
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
  // Written straight to stdout (and redrawn in place under --watch): the title and prompts, a server's text, made safe to print here.
  const lines = [
    terminalText(heading),
    `${count(snapshot.turnout, "ballot")} counted, ${snapshot.quarantined} held for review; as of ${shortTime(snapshot.asOf)} (version ${snapshot.version})`,
  ];
  for (const question of snapshot.questions) {
    const rows = [
      ...question.options.map((o) => ({ label: o.label, votes: o.votes })),
      { label: "Abstained", votes: question.abstentions },
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
          { header: "SHARE", value: (r) => share(r.votes, snapshot.turnout), align: "right" },
        ],
        "  ",
      ),
    );
  }
  return lines.join("\n");
}
