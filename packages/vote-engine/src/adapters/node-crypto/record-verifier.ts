import { type RecordVerifier, recordVerifier } from "../../vote/verify-record";
import { nodeEntropy } from "./keys";
import { verifyEd25519 } from "./verify-receipt";

/** Checks stored votes against the deployment's published receipt key(s) with Node's crypto. */
export function nodeRecordVerifier(
  receiptKeys: ReadonlyArray<{ readonly keyId: string; readonly pem: string }>,
): RecordVerifier {
  return recordVerifier({ receiptKeys, verifyEd25519, sha256: nodeEntropy.sha256 });
}
