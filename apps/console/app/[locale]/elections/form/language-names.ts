import { nativeName } from "@landslide/ui/i18n/languages";
import { routing } from "../../../../i18n/routing";

/**
 * A language as an official picks it: named in the console's language, and in itself when that
 * differs ("Spanish (Español)"), so that both the official and a translator recognise it; `short`
 * leaves the second name out, for a field's label that names the language beside other words.
 */
export function languageName(tag: string, pageLocale: string, { short = false } = {}): string {
  const name = new Intl.DisplayNames([pageLocale], { type: "language" }).of(tag) ?? tag;
  const inPage = name.charAt(0).toLocaleUpperCase(pageLocale) + name.slice(1);
  const inItself = nativeName(tag);
  return short || inPage === inItself ? inPage : `${inPage} (${inItself})`;
}

/**
 * The languages a ballot can be written or translated in here: the ones the voter site and the
 * console speak (they share their languages), with any other a stored election already uses (the
 * ballot file takes every BCP 47 tag), sorted by name in the page's language.
 */
export function offeredLanguages(inUse: readonly string[], pageLocale: string): string[] {
  return [...new Set([...routing.locales, ...inUse])].sort((a, b) =>
    languageName(a, pageLocale).localeCompare(languageName(b, pageLocale), pageLocale),
  );
}
