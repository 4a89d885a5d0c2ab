import { createHash } from "node:crypto";
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import {
  type ArchivedEpochDocument,
  type ArchivedObject,
  type ArchivedVersion,
  ArchiveConflictError,
  type AuditArchive,
  archiveKeys,
} from "../../audit/audit-archive";
import type { AuditBundle } from "../../audit/audit-bundle";
import type { SignedEpoch } from "../../audit/epoch";
import type { LogRecord } from "../../audit/log-record";

const DAY_MS = 86_400_000;

export interface S3AuditArchiveOptions {
  readonly bucket: string;
  /** Each object is locked in COMPLIANCE mode for this long from its writing. */
  readonly retentionDays: number;
  readonly now?: () => Date;
}

/**
 * The audit archive on S3 with Object Lock: every document is put once, locked in COMPLIANCE mode
 * (nobody, the account's root included, can delete it or shorten its lock until it expires), with
 * its SHA-256 in its metadata so a second writer of the same key can tell "already there" from
 * "someone else's". The SDK retries transient failures; the sealer puts whatever is still missing
 * on its next pass, so a crash between sealing and archiving loses nothing.
 */
export class S3AuditArchive implements AuditArchive {
  /** Keys known to be archived: each is asked of S3 once per process, not on every sealing pass. */
  private readonly archived = new Set<string>();
  private readonly now: () => Date;

  constructor(
    private readonly client: S3Client,
    private readonly options: S3AuditArchiveOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async hasEpoch(electionId: string, epoch: number): Promise<boolean> {
    const key = archiveKeys.epoch(electionId, epoch);
    if (this.archived.has(key)) return true;
    const found = (await this.head(key)) !== undefined;
    if (found) this.archived.add(key);
    return found;
  }

  async putEpoch(epoch: SignedEpoch, records: readonly LogRecord[]): Promise<void> {
    const document: ArchivedEpochDocument = { ...epoch, records };
    await this.putOnce(archiveKeys.epoch(epoch.statement.electionId, epoch.statement.epoch), document);
  }

  /** The first bundle published for an election is the one archived; later downloads are served fresh. */
  async putBundle(bundle: AuditBundle): Promise<void> {
    const key = archiveKeys.bundle(bundle.election.id);
    if (this.archived.has(key) || (await this.head(key)) !== undefined) {
      this.archived.add(key);
      return;
    }
    await this.putOnce(key, bundle);
  }

  async readEpochs(electionId: string): Promise<ArchivedObject<ArchivedEpochDocument>[]> {
    const versionsByKey = new Map<string, { versionId: string; at: number }[]>();
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectVersionsCommand({
          Bucket: this.options.bucket,
          Prefix: archiveKeys.epochsOf(electionId),
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
        }),
      );
      for (const version of page.Versions ?? []) {
        if (!version.Key || !version.VersionId) continue;
        const list = versionsByKey.get(version.Key) ?? [];
        list.push({ versionId: version.VersionId, at: version.LastModified?.getTime() ?? 0 });
        versionsByKey.set(version.Key, list);
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
    const objects: ArchivedObject<ArchivedEpochDocument>[] = [];
    for (const [key, versions] of [...versionsByKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const read: ArchivedVersion<ArchivedEpochDocument>[] = [];
      for (const { versionId } of versions.sort((a, b) => a.at - b.at))
        read.push(await this.readVersion(key, versionId));
      objects.push({ key, versions: read });
    }
    return objects;
  }

  private async readVersion(key: string, versionId: string): Promise<ArchivedVersion<ArchivedEpochDocument>> {
    const answer = await this.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key: key, VersionId: versionId }),
    );
    const document = JSON.parse((await answer.Body?.transformToString("utf8")) ?? "null") as ArchivedEpochDocument;
    const lock =
      answer.ObjectLockMode && answer.ObjectLockRetainUntilDate
        ? { mode: answer.ObjectLockMode, retainUntil: new Date(answer.ObjectLockRetainUntilDate) }
        : null;
    return { versionId, document, lock };
  }

  private async putOnce(key: string, document: unknown): Promise<void> {
    if (this.archived.has(key)) return;
    const body = `${JSON.stringify(document, null, 2)}\n`;
    const sha256 = createHash("sha256").update(body).digest("hex");
    const existing = await this.head(key);
    if (existing !== undefined) {
      if (existing !== sha256) throw new ArchiveConflictError(key);
      this.archived.add(key);
      return;
    }
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: body,
          ContentType: "application/json",
          Metadata: { sha256 },
          // S3 refuses the put if the key was taken meanwhile (a second sealer racing this one).
          IfNoneMatch: "*",
          ObjectLockMode: "COMPLIANCE",
          ObjectLockRetainUntilDate: new Date(this.now().getTime() + this.options.retentionDays * DAY_MS),
        }),
      );
    } catch (error) {
      if ((error as Error).name !== "PreconditionFailed") throw error;
      if ((await this.head(key)) !== sha256) throw new ArchiveConflictError(key);
    }
    this.archived.add(key);
  }

  /** The stored document's SHA-256 (from its metadata), or undefined when nothing is stored at `key`. */
  private async head(key: string): Promise<string | undefined> {
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return answer.Metadata?.sha256 ?? "";
    } catch (error) {
      if ((error as Error).name === "NotFound" || (error as Error).name === "NoSuchKey") return undefined;
      throw error;
    }
  }
}
