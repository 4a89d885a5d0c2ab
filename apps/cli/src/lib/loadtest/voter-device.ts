import { createECDH, createHmac } from "node:crypto";
import { calculateJwkThumbprint, type JWK } from "jose";
import type { DeviceKey } from "@landslide/api/client";

/**
 * The test voter's own device key, the same in every run: derived from the load test's secret
 * and the voter's address. A voter's device then stays one device, as a person's phone does;
 * new keys every run would soon meet the API's limit of devices per account (DEVICE_LIMIT).
 */
export async function voterDeviceKey(secret: Buffer, email: string): Promise<DeviceKey> {
  // A P-256 private scalar from 32 derived bytes (a value at or above the group order is
  // astronomically unlikely; setPrivateKey would refuse it loudly).
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(createHmac("sha256", secret).update(`device:${email}`).digest());
  const point = ecdh.getPublicKey(); // 0x04 || x || y
  const publicJwk: JWK = {
    kty: "EC",
    crv: "P-256",
    x: point.subarray(1, 33).toString("base64url"),
    y: point.subarray(33, 65).toString("base64url"),
  };
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    { ...publicJwk, d: ecdh.getPrivateKey().toString("base64url") },
    { name: "ECDSA", namedCurve: "P-256" },
    false,
    ["sign"],
  );
  return { privateKey, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk) };
}
