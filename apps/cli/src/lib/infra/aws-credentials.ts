import { defaultProvider } from "@aws-sdk/credential-provider-node";

/**
 * Whether the AWS SDK finds credentials the way `cdk deploy` will (environment, shared config
 * and SSO profiles, web identity, container or instance roles); undefined when it finds none.
 * Only the access key's last four characters are ever shown.
 */
export async function findAwsCredentials(): Promise<{ readonly accessKeyHint: string } | undefined> {
  try {
    const credentials = await defaultProvider({ timeout: 1000, maxRetries: 0 })();
    return { accessKeyHint: `…${credentials.accessKeyId.slice(-4)}` };
  } catch {
    return undefined;
  }
}
