export { generateKeyMaterial, type KeyMaterial, nodeEntropy, nodeKeys } from "./keys";
export { verifyReceiptSignature } from "./verify-receipt";
