import {
  CreateBucketCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  type S3Client,
} from "@aws-sdk/client-s3";

/**
 * Creates the audit archive's bucket with Object Lock (locally; on AWS the CDK stack declares it),
 * or accepts the one that exists, and refuses a bucket without Object Lock: an archive whose
 * objects can be deleted is no archive.
 */
export async function ensureAuditBucket(client: S3Client, bucket: string): Promise<{ created: boolean }> {
  const created = !(await bucketExists(client, bucket));
  if (created) await client.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
  let enabled: string | undefined;
  try {
    const { ObjectLockConfiguration } = await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
    enabled = ObjectLockConfiguration?.ObjectLockEnabled;
  } catch (error) {
    if ((error as Error).name !== "ObjectLockConfigurationNotFoundError") throw error;
  }
  if (enabled !== "Enabled") {
    throw new Error(`The audit bucket ${bucket} has no Object Lock: create it again with Object Lock enabled.`);
  }
  return { created };
}

async function bucketExists(client: S3Client, bucket: string): Promise<boolean> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (error) {
    if ((error as Error).name === "NotFound" || (error as Error).name === "NoSuchBucket") return false;
    throw error;
  }
}
