import { formatTime } from "@landslide/ui/date-time";
import type { Translate } from "../../../../../i18n/english";
import type { Group } from "./review-lists";

/** What each kind of group is, and its shared key in words (a device id shortened: it means nothing to read). */
export function groupKind(kind: Group["kind"], t: Translate, locale: string) {
  switch (kind) {
    case "same-device":
      return {
        title: t("fraudReview.kinds.sameDevice"),
        key: (key: string) => t("fraudReview.kinds.device", { id: shortId(key) }),
      };
    case "same-network":
      return {
        title: t("fraudReview.kinds.sameNetwork"),
        key: (key: string) => t("fraudReview.kinds.network", { block: key }),
      };
    case "burst":
      return {
        title: t("fraudReview.kinds.burst"),
        key: (key: string) => t("fraudReview.kinds.starting", { time: formatTime(key, { seconds: true, locale }) }),
      };
  }
}

/** The first characters of an opaque id, enough to tell two apart on one page. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}
