/** The domain of an e-mail address as mail servers treat it: after the last "@", lower case, no trailing dot. */
export function emailDomain(address: string): string {
  const trimmed = address.trim();
  return trimmed
    .slice(trimmed.lastIndexOf("@") + 1)
    .toLowerCase()
    .replace(/\.$/, "");
}

/** The domain and each domain above it, short of the top level: a.b.example.org, b.example.org, example.org. */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split(".");
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join("."));
}

/**
 * Second-level labels under which country domains are registered (example.co.uk, example.com.au,
 * example.ac.jp). Not the public suffix list: a name under a suffix missing here is counted with
 * its neighbours under that suffix, which makes a per-domain limit stricter for them, not looser.
 */
const SECOND_LEVELS = new Set([
  "ac",
  "co",
  "com",
  "edu",
  "gob",
  "gov",
  "govt",
  "go",
  "ltd",
  "mil",
  "ne",
  "net",
  "nhs",
  "nom",
  "or",
  "org",
  "plc",
  "sch",
]);

/**
 * The domain an organisation registers, which its mail's subdomains share: a farm with a wildcard
 * MX record that signs up at a1.farm.example, a2.farm.example, … is one domain to a velocity limit.
 */
export function organisationDomain(domain: string): string {
  const labels = domain.split(".");
  const tld = labels.at(-1) ?? "";
  const second = labels.at(-2) ?? "";
  const keep = tld.length === 2 && SECOND_LEVELS.has(second) ? 3 : 2;
  return labels.slice(-keep).join(".");
}
