import { englishUiText, type UiText } from "../text/ui-text";
import type { LeaderMark } from "./standing-words";
import { formatShare, type Standings } from "./standings";

export interface VoteRow {
  readonly key: string;
  readonly option: string;
  /** "Leading", "Winner", …: said beside the option's name, not by colour. */
  readonly mark?: LeaderMark;
  readonly votes: string;
  /** Abstentions are no option's share: their row says "—". */
  readonly share: string;
}

/**
 * A question's standings as table rows: one per option with its votes and share, then the
 * abstentions. The voter site leaves out an abstentions row of zero (most questions allow none);
 * the console always shows it.
 */
export function voteRows(
  { options }: Standings,
  abstentions: number,
  zeroAbstentions: "shown" | "hidden",
  mark?: LeaderMark,
  text: UiText = englishUiText,
): VoteRow[] {
  const rows: VoteRow[] = options.map((o) => ({
    key: o.id,
    option: o.label,
    ...(o.leading && mark ? { mark } : {}),
    votes: o.votes.toLocaleString(text.locale),
    share: formatShare(o.share, text.locale),
  }));
  if (abstentions > 0 || zeroAbstentions === "shown")
    rows.push({
      key: "abstained",
      option: text.say("abstained"),
      votes: abstentions.toLocaleString(text.locale),
      share: "—",
    });
  return rows;
}
