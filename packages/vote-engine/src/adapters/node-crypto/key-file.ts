import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { generateKeyMaterial, type KeyMaterial } from "./keys";

const keyFileSchema = z.object({
  voterKeySecret: z.string().min(43),
  receiptPrivateKeyPem: z.string().regex(/^-----BEGIN [A-Z ]*PRIVATE KEY-----/),
});

/**
 * The deployment's secrets for a local stack: the voter-key HMAC secret and the Ed25519 receipt
 * key, generated on first provisioning into an owner-only file under the git-ignored data folder.
 * (On AWS they come from Secrets Manager instead.) Returns whether this call created them.
 */
export function ensureKeyFile(path: string): { material: KeyMaterial; created: boolean } {
  if (existsSync(path)) return { material: readKeyFile(path), created: false };
  const material = generateKeyMaterial();
  mkdirSync(dirname(path), { recursive: true });
  const content = { voterKeySecret: Buffer.from(material.voterKeySecret).toString("base64url"), receiptPrivateKeyPem: material.receiptPrivateKeyPem };
  // "wx": never overwrite keys another process wrote a moment ago; receipts already signed depend on them.
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return { material, created: true };
}

export function readKeyFile(path: string): KeyMaterial {
  const parsed = keyFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  return { voterKeySecret: new Uint8Array(Buffer.from(parsed.voterKeySecret, "base64url")), receiptPrivateKeyPem: parsed.receiptPrivateKeyPem };
}
