/**
 * How a page's language is written in its address, which every client link needs to know (the
 * list of languages, read from each app's message files, stays on the server: see
 * message-catalog.ts). Both web apps write it the same way: every language has its prefix
 * (/en/elections/…, /es/elections/…); an address without one (a link from before, an invitation)
 * is redirected to the browser's language.
 */
export const defaultLocale = "en";
// "always", not "as-needed": an unprefixed English page would be a rewrite, which Next.js
// started with --hostname 127.0.0.1 (the launcher binds loopback) takes for another host and
// proxies to itself, where the prefix is redirected away again: a loop. Old addresses redirect.
export const localePrefix = "always";
