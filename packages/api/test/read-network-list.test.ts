import { describe, expect, it } from "vitest";
import { networkListParts, readNetworkList } from "../src/client/threats/read-network-list";
import { INTERVALS_PER_PART } from "../src/risk/network-categories";
import { rangeLookup } from "../src/risk/network-ranges";

describe("reading a network list", () => {
  it("reads one entry per line, skips comments and what follows the first word, and names each bad line", () => {
    const file = readNetworkList(
      [
        "# Tor exit list",
        "203.0.113.0/24",
        "",
        "198.51.100.7 ; SBL123",
        "2001:db8::/32",
        "not-an-ip",
        "203.0.113.5  # inside the /24",
        "10.0.0.0/40",
      ].join("\n"),
    );
    expect(file.format).toBe("text");
    expect(file.entries).toBe(4);
    expect(file.errors).toEqual([
      { line: 6, text: "not-an-ip" },
      { line: 8, text: "10.0.0.0/40" },
    ]);
    // The /24 swallows its own address: three disjoint intervals.
    expect(file.intervals.v4).toHaveLength(2);
    expect(file.intervals.v6).toHaveLength(1);
    const lookup = rangeLookup([file.intervals]);
    expect(["203.0.113.200", "198.51.100.7", "2001:db8::9"].map((ip) => lookup.has(ip))).toEqual([true, true, true]);
    expect(lookup.has("198.51.100.8")).toBe(false);
  });

  it("reads AWS's ip-ranges.json, and says what is wrong with JSON of another shape", () => {
    const json = JSON.stringify({
      syncToken: "1",
      prefixes: [{ ip_prefix: "3.5.140.0/22", region: "ap-northeast-2" }, { ip_prefix: "bogus" }],
      ipv6_prefixes: [{ ipv6_prefix: "2600:1f14::/35" }],
    });
    const file = readNetworkList(json);
    expect(file).toMatchObject({ format: "aws-ip-ranges", entries: 2, errors: [{ line: 2, text: "bogus" }] });
    expect(rangeLookup([file.intervals]).has("3.5.141.7")).toBe(true);
    expect(() => readNetworkList('{"regions": []}')).toThrow(/no "prefixes"/);
    expect(() => readNetworkList("{ not json", "aws-ip-ranges")).toThrow(/not JSON/);
  });

  it("splits a large list into parts the API takes, losing nothing", () => {
    const lines = Array.from({ length: 2 * INTERVALS_PER_PART + 10 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/25`);
    const file = readNetworkList(lines.join("\n"));
    const parts = networkListParts(file.intervals);
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => p.v4.length + p.v6.length <= INTERVALS_PER_PART)).toBe(true);
    expect(parts.flatMap((p) => p.v4)).toEqual(file.intervals.v4);
  });
});
