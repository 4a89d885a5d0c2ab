import { getTranslations } from "next-intl/server";
import type { UiText } from "@landslide/ui/ui-text";
import { directionOf } from "@landslide/ui/i18n/languages";
import { voterUiText } from "./ui-text";

/** The shared components' words in `locale`, for what the server writes itself (a page's description). */
export async function serverUiText(locale: string): Promise<UiText> {
  const [ui, auth] = await Promise.all([
    getTranslations({ locale, namespace: "ui" }),
    getTranslations({ locale, namespace: "auth" }),
  ]);
  return voterUiText(locale, directionOf(locale), ui, auth);
}
