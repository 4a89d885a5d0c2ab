import { useLocale } from "next-intl";
import { viewerLocale } from "@landslide/ui/date-time";

/**
 * The locale the console writes dates and times in: the page's language in the viewer's own
 * regional variant ("ar-EG" for an Arabic page read in Egypt), as the shared DateTime does, so a
 * date in a sentence and one in a table read alike (the same digits, the same month names).
 */
export function useDateLocale(): string {
  const locale = useLocale();
  return viewerLocale(locale) ?? locale;
}
