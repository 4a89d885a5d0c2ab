export { type AuditBundle, auditBundleSchema, type PublishedBallot } from "./audit-bundle";
export { canonicalJson } from "./canonical-json";
export { type EpochStatement, epochSigningPayload, sealEpoch, type SignedEpoch } from "./epoch";
export {
  type ActionEntry,
  type BallotEntry,
  chainEntries,
  countedReceipts,
  GENESIS_HASH,
  type LogEntry,
  type LogRecord,
  recordHash,
} from "./log-record";
export { inclusionProof, merkleRoot, merkleRoots, verifyInclusion } from "./merkle-tree";
export { type BatchCrypto, sequentialBatchCrypto, type SignedPayload } from "./batch-crypto";
export type { Sha256 } from "./sha256";
export {
  type Discrepancy,
  type DiscrepancyCode,
  type VerificationReport,
  verifyBundle,
  type VerifyDependencies,
} from "./verify-bundle";
export { checkReceiptInclusion, type InclusionCheckDependencies, type InclusionEvidence } from "./receipt-inclusion";
export { recordBytes } from "./log-record";
export {
  type ArchivedEpochDocument,
  type ArchivedObject,
  type ArchivedVersion,
  ArchiveConflictError,
  type AuditArchive,
  archiveKeys,
} from "./audit-archive";
export {
  type ArchiveDiscrepancy,
  type ArchiveDiscrepancyCode,
  type ArchiveReport,
  compareWithArchive,
} from "./verify-archive";
