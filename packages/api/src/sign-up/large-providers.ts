/**
 * Public mail providers with millions of users, where many sign-ups in ten minutes are ordinary
 * (a whole town's voters share gmail.com), so the per-domain sign-up limit does not apply to them.
 * A farm gets nothing from this that a network of its own would not: each address still needs a
 * human check and counts against its network's and its device's limits, and these providers guard
 * their own sign-up against bulk registration (phone numbers, human checks). Exact domains only: a
 * subdomain of one of these is not the provider's mail, and a look-alike (gmx.farm.example) is
 * counted as usual.
 */
const LARGE_PROVIDERS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Yahoo, Apple, AOL
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.co.uk",
  "hotmail.fr",
  "hotmail.de",
  "hotmail.it",
  "live.com",
  "msn.com",
  "yahoo.com",
  "yahoo.co.uk",
  "yahoo.fr",
  "yahoo.de",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  // Proton
  "proton.me",
  "protonmail.com",
  "pm.me",
  // GMX, WEB.DE, T-Online (Germany, Austria, Switzerland)
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "gmx.ch",
  "gmx.com",
  "web.de",
  "t-online.de",
  // Others with national reach
  "orange.fr",
  "free.fr",
  "laposte.net",
  "libero.it",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "163.com",
]);

/** Whether this domain (lower case) is one of the large public providers above. */
export function isLargeProvider(domain: string): boolean {
  return LARGE_PROVIDERS.has(domain);
}
