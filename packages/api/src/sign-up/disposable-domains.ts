import { disposableEmailBlocklist } from "disposable-email-domains-js";
import { domainAndParents } from "./email-domain";

/**
 * Throwaway mail services, from disposable-email-domains-js: the curated disposable-email-domains
 * list (about 8,900 domains, each added by hand with a source), shipped in the package, so nothing
 * is fetched at run time. Chosen over lists ten times larger because those also name privacy
 * relays (duck.com, SimpleLogin) or real providers (zoho.com): a false entry locks a person out,
 * a missing one lets in a farm that still pays the human check and every other limit.
 */
let listed: ReadonlySet<string> | undefined;

/** Read once per process on first use (the package's own helper builds a new Set on every call). */
function disposableDomains(): ReadonlySet<string> {
  return (listed ??= new Set(disposableEmailBlocklist().map((domain) => domain.trim().toLowerCase())));
}

/** Whether mail at this domain (lower case) is a throwaway service's, or a subdomain of one's (x.mailinator.com). */
export function isDisposableDomain(domain: string): boolean {
  const list = disposableDomains();
  return domainAndParents(domain).some((name) => list.has(name));
}
