import { formatTime } from "@landslide/ui/date-time";
import type { Group } from "./review-lists";

/** What each kind of group is, and its shared key in words (a device id shortened: it means nothing to read). */
export const groupKinds: Record<Group["kind"], { readonly title: string; readonly key: (key: string) => string }> = {
  "same-device": { title: "Several accounts on one device", key: (key) => `Device ${shortId(key)}` },
  "same-network": { title: "Several ballots from one address block", key: (key) => `Address block ${key}` },
  burst: { title: "A burst of held ballots", key: (key) => `Starting ${formatTime(key, { seconds: true })}` },
};

/** The first characters of an opaque id, enough to tell two apart on one page. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}
