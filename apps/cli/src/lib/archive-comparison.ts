import type { Config } from "@landslide/config";
import { type ArchiveReport, type AuditBundle, compareWithArchive } from "@landslide/vote-engine";
import { createS3Client, S3AuditArchive } from "@landslide/vote-engine/s3";

export type ArchiveComparison = ArchiveReport & { readonly bucket: string };

/**
 * Reads every archived version of the election's epochs back from the deployment's audit bucket
 * (S3 with Object Lock) and compares them with the bundle: what `audit verify --archive` and
 * `election chaos` report.
 */
export async function compareBundleWithArchive(config: Config, bundle: AuditBundle): Promise<ArchiveComparison> {
  const { bucket, retentionDays } = config.audit;
  const s3 = createS3Client({ region: config.aws.region, endpoint: config.aws.s3Endpoint });
  try {
    const archived = await new S3AuditArchive(s3, { bucket, retentionDays }).readEpochs(bundle.election.id);
    return { bucket, ...compareWithArchive(bundle, archived, new Date()) };
  } finally {
    s3.destroy();
  }
}
