import { queryOptions } from "@tanstack/react-query";
import { type LandslideClient, type Receipt, verifyReceipt } from "@landslide/api/client";
import { passkeySupport } from "./browser-passkeys";

/**
 * The voter site's queries that are not one tRPC procedure (whose keys tRPC makes): answers of the
 * SDK, the browser and its WebCrypto. Their keys are named here, once.
 */
export const sdkQueries = {
  /** The passkey backing this device's key for the signed-in account, if any (the SDK registers the device first). */
  passkeyOfDevice: (client: LandslideClient) =>
    queryOptions({ queryKey: ["sdk", "passkey-of-device"] as const, queryFn: () => client.passkeyOfDevice() }),
  /** Whether this page can add a passkey: the browser's answer does not change while the page is open. */
  passkeySupport: () =>
    queryOptions({ queryKey: ["sdk", "passkey-support"] as const, queryFn: passkeySupport, staleTime: Infinity }),
  /** Whether the receipt's signature holds, checked here in the browser against the published key (`publicKeyPem` reads it). */
  receiptSignature: (receipt: Receipt, publicKeyPem: () => Promise<string>) =>
    queryOptions({
      queryKey: ["sdk", "receipt-signature", receipt.receiptId] as const,
      queryFn: async () => verifyReceipt(receipt, await publicKeyPem()),
    }),
};
