import { electionStatusWords } from "@landslide/api/client";
import { Badge, type Tone } from "@landslide/ui/components";

// Open is the state that needs watching; paused needs a decision; the rest are calm.
const tones: Readonly<Record<string, Tone>> = {
  draft: "neutral",
  scheduled: "info",
  open: "success",
  paused: "warning",
  closed: "neutral",
  certified: "info",
};

/** An election's status as a badge in words ("Open"), its meaning in the title for who hovers. */
export function StatusBadge({ status }: { status: string }) {
  const words = electionStatusWords(status);
  return (
    <span title={words.help}>
      <Badge tone={tones[status] ?? "neutral"}>{words.label}</Badge>
    </span>
  );
}
