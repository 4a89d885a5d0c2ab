import { electionStatusWords } from "@landslide/api/client";
import { Badge, type Tone } from "@landslide/ui/components";

// Open (voting) and certified (final) are the good news; paused, or a stop on its way, needs a
// look; the rest are calm. One map for the list, the election's header and the operations view.
const tones: Readonly<Record<string, Tone>> = {
  draft: "neutral",
  scheduled: "info",
  open: "success",
  paused: "warning",
  closed: "neutral",
  certified: "success",
};

const pendingWords = {
  closed: {
    label: "Closing",
    help: "An official closed voting; it stops in a moment, and ballots cast until then count.",
  },
  paused: {
    label: "Pausing",
    help: "An official paused voting; it stops in a moment, and ballots cast until then count.",
  },
} as const;

/**
 * An election's status as a badge in words ("Open"), its meaning in the title for who hovers.
 * `pending`: a pause or close asked for that takes effect in a moment (still open to voters).
 */
export function StatusBadge({ status, pending }: { status: string; pending?: "paused" | "closed" }) {
  const words = pending ? pendingWords[pending] : electionStatusWords(status);
  return (
    <span title={words.help}>
      <Badge tone={pending ? "warning" : (tones[status] ?? "neutral")}>{words.label}</Badge>
    </span>
  );
}
