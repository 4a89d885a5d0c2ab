import { S3Client } from "@aws-sdk/client-s3";

// The local S3 (Ceph's radosgw, see @landslide/local-stack) takes these fixed loopback keys;
// real AWS uses the default credential chain.
const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

/**
 * An S3 client for the region, or for a local S3-compatible server (path-style addressing) at
 * `endpoint`. The local server has a single zone group, which answers to S3's "us-east-1" only:
 * for any other region the SDK would ask for the bucket in that region, and be refused.
 */
export function createS3Client({ region, endpoint }: { region: string; endpoint?: string | undefined }): S3Client {
  return new S3Client(
    endpoint
      ? { region: "us-east-1", endpoint, forcePathStyle: true, credentials: localCredentials, maxAttempts: 5 }
      : { region, maxAttempts: 5 },
  );
}
