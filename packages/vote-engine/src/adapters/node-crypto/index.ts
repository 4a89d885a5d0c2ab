export { generateKeyMaterial, type KeyMaterial, nodeEntropy, nodeKeys } from "./keys";
export { verifyReceiptSignature } from "./verify-receipt";
export { ensureKeyFile, readKeyFile } from "./key-file";
