import { canonicalJson } from "./canonical-json";
import type { AuditBundle } from "./audit-bundle";
import { type ArchivedEpochDocument, type ArchivedObject, archiveKeys } from "./audit-archive";

export type ArchiveDiscrepancyCode =
  "EPOCH_NOT_ARCHIVED" | "EPOCH_NOT_IN_BUNDLE" | "EPOCH_DIFFERS" | "OVERWRITE_ATTEMPTED" | "NOT_LOCKED";

export interface ArchiveDiscrepancy {
  readonly code: ArchiveDiscrepancyCode;
  readonly key: string;
  readonly message: string;
}

export interface ArchiveReport {
  readonly ok: boolean;
  readonly checked: { readonly epochs: number; readonly versions: number; readonly records: number };
  /** The earliest date until which every archived epoch is locked; null when nothing is archived. */
  readonly lockedUntil: string | null;
  readonly discrepancies: readonly ArchiveDiscrepancy[];
}

/**
 * Compares a (verified) audit bundle with the archive's own copy of its epochs: each epoch the
 * bundle publishes must be archived with the same signed statement and the same records, locked
 * in COMPLIANCE mode beyond `now`, and never overwritten with something else. A deployment that
 * rewrote its log after sealing would have to rewrite the archive too, which Object Lock refuses.
 */
export function compareWithArchive(
  bundle: AuditBundle,
  archived: readonly ArchivedObject<ArchivedEpochDocument>[],
  now: Date,
): ArchiveReport {
  const discrepancies: ArchiveDiscrepancy[] = [];
  const byKey = new Map(archived.map((object) => [object.key, object]));
  let versions = 0;
  let records = 0;
  let lockedUntil: Date | null = null;
  for (const epoch of bundle.epochs) {
    const { electionId, epoch: number, firstSeq, lastSeq } = epoch.statement;
    const key = archiveKeys.epoch(electionId, number);
    const object = byKey.get(key);
    byKey.delete(key);
    const first = object?.versions[0];
    if (!object || !first) {
      discrepancies.push({ code: "EPOCH_NOT_ARCHIVED", key, message: `epoch ${number} is published but not archived` });
      continue;
    }
    versions += object.versions.length;
    const sealed = bundle.records.filter((record) => record.seq >= firstSeq && record.seq <= lastSeq);
    const expected = canonicalJson({ statement: epoch.statement, signature: epoch.signature, records: sealed });
    const stored = (document: ArchivedEpochDocument) =>
      canonicalJson({ statement: document.statement, signature: document.signature, records: document.records });
    if (stored(first.document) !== expected) {
      discrepancies.push({
        code: "EPOCH_DIFFERS",
        key,
        message: `epoch ${number} in the archive differs from the published one (statement, signature or records)`,
      });
    } else {
      records += sealed.length;
    }
    for (const later of object.versions.slice(1)) {
      if (stored(later.document) !== stored(first.document)) {
        discrepancies.push({
          code: "OVERWRITE_ATTEMPTED",
          key,
          message: `epoch ${number} has a later version ${later.versionId} with other contents (the locked first version stands)`,
        });
      }
    }
    for (const version of object.versions) {
      if (version.lock?.mode !== "COMPLIANCE" || version.lock.retainUntil <= now) {
        discrepancies.push({
          code: "NOT_LOCKED",
          key,
          message: `epoch ${number} (version ${version.versionId}) is ${version.lock ? `locked in ${version.lock.mode} mode until ${version.lock.retainUntil.toISOString()}` : "not locked"}; COMPLIANCE beyond now is required`,
        });
      } else if (lockedUntil === null || version.lock.retainUntil < lockedUntil) {
        lockedUntil = version.lock.retainUntil;
      }
    }
  }
  for (const key of byKey.keys()) {
    discrepancies.push({
      code: "EPOCH_NOT_IN_BUNDLE",
      key,
      message: `${key} is archived but the bundle does not publish it`,
    });
  }
  return {
    ok: discrepancies.length === 0,
    checked: { epochs: bundle.epochs.length, versions, records },
    lockedUntil: lockedUntil?.toISOString() ?? null,
    discrepancies,
  };
}
