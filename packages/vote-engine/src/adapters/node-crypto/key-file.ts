import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { generateKeyMaterial, generateSigningKeyPem, type KeyMaterial } from "./keys";

const privateKeyPem = z.string().regex(/^-----BEGIN [A-Z ]*PRIVATE KEY-----/);
const keyFileSchema = z.object({
  voterKeySecret: z.string().min(43),
  receiptPrivateKeyPem: privateKeyPem,
  // Absent from files written before the audit log existed; provisioning adds it.
  auditPrivateKeyPem: privateKeyPem.optional(),
});

/**
 * The deployment's secrets for a local stack: the voter-key HMAC secret and the Ed25519 receipt
 * key, generated on first provisioning into an owner-only file under the git-ignored data folder.
 * (On AWS they come from Secrets Manager instead.) Returns whether this call created them.
 */
export function ensureKeyFile(path: string): { material: KeyMaterial; created: boolean } {
  if (existsSync(path)) {
    const stored = parseKeyFile(path);
    if (stored.auditPrivateKeyPem) return { material: { ...stored, auditPrivateKeyPem: stored.auditPrivateKeyPem }, created: false };
    const material = { ...stored, auditPrivateKeyPem: generateSigningKeyPem() };
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
  if (!stored.auditPrivateKeyPem) throw new Error(`${path} has no audit key yet: run provisioning (election provision) once.`);
  return { ...stored, auditPrivateKeyPem: stored.auditPrivateKeyPem };
}

function parseKeyFile(path: string) {
  const parsed = keyFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  return { ...parsed, voterKeySecret: new Uint8Array(Buffer.from(parsed.voterKeySecret, "base64url")) };
}

function serialize(material: KeyMaterial): string {
  const { voterKeySecret, receiptPrivateKeyPem, auditPrivateKeyPem } = material;
  return `${JSON.stringify({ voterKeySecret: Buffer.from(voterKeySecret).toString("base64url"), receiptPrivateKeyPem, auditPrivateKeyPem }, null, 2)}\n`;
}
