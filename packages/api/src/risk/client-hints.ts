import { BlockList, isIPv6 } from "node:net";

/** User agents that announce a headless browser or an HTTP library rather than a person's browser. */
const HEADLESS = /^node$|HeadlessChrome|PhantomJS|puppeteer|playwright|selenium|python-requests|curl\/|wget\/|Go-http-client|okhttp|axios\/|node-fetch|undici/i;

export function isHeadlessUserAgent(userAgent: string | undefined): boolean {
  return !userAgent || HEADLESS.test(userAgent);
}

/** A set of CIDR ranges ("203.0.113.0/24", "2001:db8::/32"), matched with Node's own BlockList. */
export function ipRanges(cidrs: readonly string[]): { has(ip: string): boolean } {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = "", prefix = ""] = cidr.split("/");
    const type = isIPv6(network) ? "ipv6" : "ipv4";
    list.addSubnet(network, Number(prefix || (type === "ipv6" ? 128 : 32)), type);
  }
  return {
    has(ip) {
      const address = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
      return list.check(address, isIPv6(address) ? "ipv6" : "ipv4");
    },
  };
}
