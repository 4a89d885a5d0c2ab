import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** The proxies whose X-Forwarded-For is believed: addresses and CIDR ranges from the configuration. */
export interface TrustedProxies {
  has(address: string): boolean;
}

export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return {
    has: (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** An IP address in one spelling (IPv4-mapped IPv6 as plain IPv4, lower case), or undefined for anything else. */
export function normaliseAddress(value: string): string | undefined {
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const address = mapped ? mapped[1]! : trimmed;
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

/** More hops than any real chain has (CloudFront and a load balancer add two); the rest is not read. */
const MAX_HOPS = 16;

/**
 * The client's address. The peer, unless the peer is a trusted proxy: then X-Forwarded-For is read
 * from the right (each proxy appends the address it saw), skipping trusted proxies, and the first
 * address that is not one is the client. Everything to its left is the client's own claim and is
 * never read. A value that is not an IP address ends the walk at the last address vouched for, so
 * a forged header can neither pick the address the rate limit counts nor write the evidence.
 */
export function clientAddress(request: IncomingMessage, trusted: TrustedProxies): string {
  const peer = normaliseAddress(request.socket.remoteAddress ?? "") ?? "unknown";
  if (!trusted.has(peer)) return peer;
  // Node joins repeated X-Forwarded-For headers with ", ", in order.
  const hops = String(request.headers["x-forwarded-for"] ?? "")
    .split(",")
    .slice(-MAX_HOPS);
  let vouched = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]!);
    if (hop === undefined) return vouched;
    vouched = hop;
    if (!trusted.has(hop)) return hop;
  }
  return vouched;
}
