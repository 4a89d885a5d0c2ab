import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { generateKeyMaterial, generateSigningKeyPem, type KeyMaterial } from "./keys";

const privateKeyPem = z.string().regex(/^-----BEGIN [A-Z ]*PRIVATE KEY-----/);
const keyFileSchema = z.object({
  voterKeySecret: z.string().min(43),
  receiptPrivateKeyPem: privateKeyPem,
  // Absent from files written before the audit log existed; provisioning adds it.
  auditPrivateKeyPem: privateKeyPem.optional(),
  // Absent from files written before sign-up tickets existed; provisioning adds it.
  signUpTicketKey: z.string().min(43).optional(),
});

/**
 * The deployment's secrets for a local stack: the voter-key HMAC secret and the Ed25519 receipt
 * key, generated on first provisioning into an owner-only file under the git-ignored data folder.
 * (On AWS they come from Secrets Manager instead.) Returns whether this call created them.
 */
export function ensureKeyFile(path: string): { material: KeyMaterial; created: boolean } {
  if (existsSync(path)) {
    const stored = parseKeyFile(path);
    if (stored.auditPrivateKeyPem && stored.signUpTicketKey)
      return {
        material: { ...stored, auditPrivateKeyPem: stored.auditPrivateKeyPem, signUpTicketKey: stored.signUpTicketKey },
        created: false,
      };
    // Keys added since the file was written are generated now; existing ones are kept as they are.
    const material = {
      ...stored,
      auditPrivateKeyPem: stored.auditPrivateKeyPem ?? generateSigningKeyPem(),
      signUpTicketKey: stored.signUpTicketKey ?? new Uint8Array(randomBytes(32)),
    };
    writeFileSync(path, serialize(material), { mode: 0o600 });
    return { material, created: true };
  }
  const material = generateKeyMaterial();
  mkdirSync(dirname(path), { recursive: true });
  // "wx": never overwrite keys another process wrote a moment ago; receipts already signed depend on them.
  writeFileSync(path, serialize(material), { mode: 0o600, flag: "wx" });
  return { material, created: true };
}

export function readKeyFile(path: string): KeyMaterial {
  const stored = parseKeyFile(path);
  if (!stored.auditPrivateKeyPem || !stored.signUpTicketKey)
    throw new Error(`${path} lacks a key added since it was written: run provisioning (election provision) once.`);
  return { ...stored, auditPrivateKeyPem: stored.auditPrivateKeyPem, signUpTicketKey: stored.signUpTicketKey };
}

function parseKeyFile(path: string) {
  const parsed = keyFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));
  return {
    ...parsed,
    voterKeySecret: bytes(parsed.voterKeySecret),
    signUpTicketKey: parsed.signUpTicketKey === undefined ? undefined : bytes(parsed.signUpTicketKey),
  };
}

function serialize(material: KeyMaterial): string {
  const { voterKeySecret, receiptPrivateKeyPem, auditPrivateKeyPem, signUpTicketKey } = material;
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
  return `${JSON.stringify({ voterKeySecret: text(voterKeySecret), receiptPrivateKeyPem, auditPrivateKeyPem, signUpTicketKey: text(signUpTicketKey) }, null, 2)}\n`;
}
