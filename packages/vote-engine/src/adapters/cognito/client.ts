import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { AwsEndpointOptions } from "../dynamodb/client";

const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export function createCognitoClient({ region, endpoint }: AwsEndpointOptions): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(endpoint ? { region, endpoint, credentials: localCredentials } : { region });
}
