/**
 * The issuer of a user pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<poolId>` on AWS,
 * `<endpoint>/<poolId>` on cognito-local. The JWKS sits under it at `/.well-known/jwks.json`.
 */
export function cognitoIssuer({
  region,
  endpoint,
  userPoolId,
}: {
  region: string;
  endpoint: string | undefined;
  userPoolId: string;
}): string {
  const base = endpoint ? endpoint.replace(/\/+$/, "") : `https://cognito-idp.${region}.amazonaws.com`;
  return `${base}/${userPoolId}`;
}

export function jwksUrl(issuer: string): URL {
  return new URL(`${issuer}/.well-known/jwks.json`);
}
