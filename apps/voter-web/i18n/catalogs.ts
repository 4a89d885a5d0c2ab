import type english from "../messages/en.json";

/**
 * The site's languages are its message files: messages/<locale>.json, one per language, found
 * here when the site is built (Turbopack's import.meta.glob; Vite's, under vitest). Adding a
 * language is adding its file. English (en.json) is the reference every other file must match key
 * for key and placeholder for placeholder (test/messages.test.ts), and the type of the messages.
 */
export type Messages = typeof english;

const catalogs = import.meta.glob<{ default: Messages }>("../messages/*.json");

const FILE = /^\.\.\/messages\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/;

/** The locale of each message file: its name, a BCP 47 tag ("en", "es", "pt-BR"). */
export const locales: readonly string[] = Object.keys(catalogs).map((path) => {
  const locale = FILE.exec(path)?.[1];
  if (!locale) throw new Error(`${path} is not named after a language: name it like en.json or pt-BR.json`);
  return locale;
});

/** A language's messages, read when a page in it is first rendered. */
export async function loadMessages(locale: string): Promise<Messages> {
  const load = catalogs[`../messages/${locale}.json`];
  if (!load) throw new Error(`No messages for ${locale}`);
  // The module's default export, taken here: Turbopack's `import: "default"` option drops it when
  // next-intl's loader has compiled the file (next.config.ts).
  return (await load()).default;
}
