export { ensureAuditBucket } from "./audit-bucket";
export { createS3Client } from "./client";
export { S3AuditArchive, type S3AuditArchiveOptions } from "./s3-audit-archive";
