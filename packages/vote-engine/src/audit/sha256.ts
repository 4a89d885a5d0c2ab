/** A synchronous SHA-256: node:crypto on servers and in the CLI, a pure implementation in browsers. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

// Lower-case hex digit → value, -1 for anything else (a verifier decodes every leaf of every epoch).
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) NIBBLE["0123456789abcdef".charCodeAt(i)] = i;

// Byte → its two lower-case hex digits as ASCII codes, for hexOf.
const HEX_CODES = new Uint8Array(512);
for (let b = 0; b < 256; b++) {
  HEX_CODES[2 * b] = "0123456789abcdef".charCodeAt(b >> 4);
  HEX_CODES[2 * b + 1] = "0123456789abcdef".charCodeAt(b & 15);
}
const asciiDecoder = new TextDecoder();

/**
 * Lower-case hex, as toHex in vote/receipt.ts, but built as one flat string: a string grown by
 * 32 concatenations is a rope of 32 pieces, and a verifier keeps one per log record.
 */
export function hexOf(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]! * 2;
    out[2 * i] = HEX_CODES[b]!;
    out[2 * i + 1] = HEX_CODES[b + 1]!;
  }
  return asciiDecoder.decode(out);
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new Error("not lower-case hex");
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const hi = NIBBLE[hex.charCodeAt(2 * i)] ?? -1;
    const lo = NIBBLE[hex.charCodeAt(2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0) throw new Error("not lower-case hex");
    bytes[i] = (hi << 4) | lo;
  }
  return bytes;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
