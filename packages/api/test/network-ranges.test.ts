import { BlockList } from "node:net";
import { describe, expect, it } from "vitest";
import { networkRanges } from "../src/risk/network-ranges";

describe("network ranges", () => {
  it("match IPv4 and IPv6 ranges and single addresses, including IPv4-mapped addresses", () => {
    const bad = networkRanges(["203.0.113.0/24", "2001:db8::/32", "198.51.100.7", "2001:db9::1"]);
    expect(bad.has("203.0.113.77")).toBe(true);
    expect(bad.has("::ffff:203.0.113.77")).toBe(true);
    expect(bad.has("203.0.114.1")).toBe(false);
    expect(bad.has("203.0.112.255")).toBe(false);
    expect(bad.has("198.51.100.7")).toBe(true);
    expect(bad.has("198.51.100.8")).toBe(false);
    expect(bad.has("2001:db8:1234::1")).toBe(true);
    expect(bad.has("2001:db9::1")).toBe(true);
    expect(bad.has("2001:db9::2")).toBe(false);
    expect(bad.has("not an address")).toBe(false);
  });

  it("join overlapping and adjacent ranges, and cover the whole space and its edges", () => {
    expect(networkRanges(["10.0.0.0/25", "10.0.0.128/25", "10.0.0.0/24", "10.0.0.5"]).size).toBe(1);
    const all = networkRanges(["0.0.0.0/0", "::/0"]);
    for (const ip of ["0.0.0.0", "255.255.255.255", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"])
      expect(all.has(ip), ip).toBe(true);
    const top = networkRanges(["255.255.255.0/24"]);
    expect(top.has("255.255.255.255")).toBe(true);
    expect(top.has("255.255.254.255")).toBe(false);
  });

  it("refuse an entry that is not an address or range, naming it", () => {
    expect(() => networkRanges(["203.0.113.0/24", "203.0.113.0/33"])).toThrow(
      /"203.0.113.0\/33" is not an IP address or CIDR range/,
    );
    expect(() => networkRanges(["example.org"])).toThrow(/"example.org"/);
  });

  it("answer as Node's BlockList does over thousands of random ranges and addresses", () => {
    let state = 7;
    const random = (n: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % n;
    const octets = () => `${random(256)}.${random(256)}.${random(256)}.${random(256)}`;
    const cidrs = Array.from({ length: 3000 }, () => `${octets()}/${8 + random(25)}`);
    const v6 = Array.from({ length: 300 }, () => `2001:db8:${random(65536).toString(16)}::/${40 + random(60)}`);
    const ours = networkRanges([...cidrs, ...v6]);
    const reference = new BlockList();
    for (const cidr of cidrs) reference.addSubnet(cidr.split("/")[0]!, Number(cidr.split("/")[1]), "ipv4");
    for (const cidr of v6) reference.addSubnet(cidr.split("/")[0]!, Number(cidr.split("/")[1]), "ipv6");
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      const ip = i % 5 === 0 ? `2001:db8:${random(65536).toString(16)}:${random(65536).toString(16)}::1` : octets();
      const expected = reference.check(ip, ip.includes(":") ? "ipv6" : "ipv4");
      expect(ours.has(ip), ip).toBe(expected);
      if (expected) hits += 1;
    }
    expect(hits).toBeGreaterThan(1000);
  });
});
