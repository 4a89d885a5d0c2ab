import type { AuditBundle } from "./audit-bundle";
import type { SignedEpoch } from "./epoch";
import type { LogRecord } from "./log-record";

/** What an archived epoch object holds: the signed statement and the records it seals. */
export interface ArchivedEpochDocument extends SignedEpoch {
  readonly records: readonly LogRecord[];
}

/** One object of the archive as read back: every version of it, each with its lock. */
export interface ArchivedObject<T> {
  readonly key: string;
  /** Oldest first. An overwrite makes a new version; Object Lock keeps the first one whatever happens. */
  readonly versions: readonly ArchivedVersion<T>[];
}

export interface ArchivedVersion<T> {
  readonly versionId: string;
  readonly document: T;
  /** The version's Object Lock; null when it has none. */
  readonly lock: { readonly mode: string; readonly retainUntil: Date } | null;
}

/**
 * The write-once archive of sealed epochs and published bundles (S3 with Object Lock). Writing
 * the same document twice is a no-op; writing a different one under a key already taken fails.
 */
export interface AuditArchive {
  hasEpoch(electionId: string, epoch: number): Promise<boolean>;
  putEpoch(epoch: SignedEpoch, records: readonly LogRecord[]): Promise<void>;
  putBundle(bundle: AuditBundle): Promise<void>;
  readEpochs(electionId: string): Promise<ArchivedObject<ArchivedEpochDocument>[]>;
}

/** An archive key already holds a different document: nothing was written. */
export class ArchiveConflictError extends Error {
  override readonly name = "ArchiveConflictError";
  constructor(readonly key: string) {
    super(`The archive already holds a different document at ${key}; archived documents are never replaced.`);
  }
}

export const archiveKeys = {
  epoch: (electionId: string, epoch: number) => `epochs/${electionId}/epoch-${String(epoch).padStart(6, "0")}.json`,
  epochsOf: (electionId: string) => `epochs/${electionId}/`,
  bundle: (electionId: string) => `bundles/${electionId}.json`,
};
