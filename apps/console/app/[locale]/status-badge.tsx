"use client";

import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@landslide/ui/components";
import { useWords } from "../../i18n/use-words";

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

/**
 * An election's status as a badge in words ("Open"), its meaning in the title for who hovers.
 * `pending`: a pause or close asked for that takes effect in a moment (still open to voters).
 */
export function StatusBadge({ status, pending }: { status: string; pending?: "paused" | "closed" }) {
  const statusWords = useWords("electionStatus");
  const t = useTranslations("status");
  const words = pending ? { label: t(`${pending}.label`), help: t(`${pending}.help`) } : statusWords(status);
  return (
    <span title={words.help}>
      <Badge tone={pending ? "warning" : (tones[status] ?? "neutral")}>{words.label}</Badge>
    </span>
  );
}
