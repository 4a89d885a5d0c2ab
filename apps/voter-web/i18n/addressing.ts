/**
 * How a page's language is written in its address, all the client's links need to know (the list
 * of languages, read from the message files, stays on the server: see catalogs.ts). English, the
 * default, keeps the site's plain addresses (/elections/…); every other language has its prefix
 * (/es/elections/…).
 */
export const defaultLocale = "en";
export const localePrefix = "as-needed";
