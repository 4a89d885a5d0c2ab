export { generateKeyMaterial, type KeyMaterial, nodeEntropy, nodeKeys } from "./keys";
export { verifyEd25519, verifyReceiptSignature } from "./verify-receipt";
export { ensureKeyFile, readKeyFile } from "./key-file";
export { nodeRecordVerifier } from "./record-verifier";
export { type BatchCryptoPool, createBatchCryptoPool } from "./batch-crypto-pool";
