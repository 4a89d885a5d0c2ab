/**
 * What the site knows of a language from its tag alone, through the runtime's own locale data
 * (ICU): its name in itself, for the language switcher, and its direction, for <html dir>. Nothing
 * to register for a new language.
 */

/** "English", "Español", "Français", "Deutsch", "العربية": each language named in itself. */
export function nativeName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

// Scripts written from the right, should the runtime not say (Intl.Locale's text info is recent).
const RIGHT_TO_LEFT = new Set(["ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"]);

type TextInfo = { direction?: string };

/** "rtl" for a language written from the right (Arabic), else "ltr". */
export function directionOf(locale: string): "ltr" | "rtl" {
  const tag = new Intl.Locale(locale) as Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };
  const direction = tag.getTextInfo?.().direction ?? tag.textInfo?.direction;
  if (direction === "rtl" || direction === "ltr") return direction;
  return RIGHT_TO_LEFT.has(tag.language) ? "rtl" : "ltr";
}

export interface Language {
  readonly locale: string;
  readonly name: string;
  readonly dir: "ltr" | "rtl";
}

/** The site's languages as the switcher lists them: by their own names, so no language comes first. */
export function languagesOf(locales: readonly string[]): Language[] {
  return locales
    .map((locale) => ({ locale, name: nativeName(locale), dir: directionOf(locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}
