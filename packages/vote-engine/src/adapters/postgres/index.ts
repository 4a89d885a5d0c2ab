export { type ControlPlaneConnection, type ControlPlaneDb, connectControlPlane } from "./client";
export { ElectionsRepository, type StoredElection } from "./elections-repository";
export { migrateControlPlane } from "./migrate";
export * as controlPlaneSchema from "./schema";
export { PostgresFraudCaseSink } from "./fraud-case-sink";
export { type AuditEntry, type AuditFilter, type AuditRecord, AuditTrail } from "./audit-trail";
export { type FraudCase, FraudCasesRepository, type FraudCaseState } from "./fraud-cases-repository";
export { type AuditLogWriter, type EpochSigner, PostgresAuditLog } from "./audit-log";
export {
  type DeliveryOutcome,
  type MailReminder,
  MailQueue,
  type NewMessage,
  type NotificationStatus,
  type QueuedMessage,
  type SuppressionReason,
} from "./mail-queue";
