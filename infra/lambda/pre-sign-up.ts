import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { type ClaimOnce, decidePreSignUp, type PreSignUpEvent, refusalMessage } from "@landslide/config/sign-up-ticket";
// zod's mini build: the same checks, a few kilobytes in the bundle instead of several hundred.
import * as z from "zod/mini";

/**
 * Cognito's PreSignUp trigger in production: the same decision as the local stack's trigger
 * (@landslide/config/sign-up-ticket), with the ticket key from its own Secrets Manager secret and
 * single use kept by one conditional put in the nonces table, so two Lambdas racing with one
 * ticket cannot both let it through. Bundled by the identity stack (esbuild; the AWS SDK is the
 * runtime's own).
 */

/** What the identity stack sets; checked at the first invocation so a wrong deployment fails loudly. */
const environmentSchema = z.object({
  SIGN_UP_TICKET_SECRET_ARN: z.string().check(z.minLength(1)),
  NONCES_TABLE: z.string().check(z.minLength(1)),
});

/** Single use across every concurrent Lambda: the first put of the key wins; DynamoDB's TTL removes it after the ticket expires. */
export function dynamoDbClaimOnce(client: DynamoDBClient, tableName: string): ClaimOnce {
  return async (key, expiresAt) => {
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: { pk: { S: key }, expiresAt: { N: String(Math.ceil(expiresAt.getTime() / 1000)) } },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };
}

/** The secret holds the key as base64url text (the form of keys.json's signUpTicketKey and LANDSLIDE_SIGN_UP_TICKET_KEY). */
export function ticketKeyFromSecret(secretString: string | undefined): Uint8Array {
  const text = secretString?.trim() ?? "";
  if (!/^[A-Za-z0-9_-]{43,}$/.test(text))
    throw new Error("the sign-up ticket secret does not hold a base64url key of 32 bytes or more");
  return new Uint8Array(Buffer.from(text, "base64url"));
}

/**
 * Kept for five minutes (a ticket's lifetime), so a rotated key reaches warm Lambdas soon
 * without one Secrets Manager call per sign-up.
 */
const KEY_CACHE_MS = 5 * 60_000;

export interface PreSignUpDependencies {
  readonly ticketKey: () => Promise<Uint8Array>;
  readonly claimOnce: ClaimOnce;
  readonly now: () => Date;
}

/** The trigger: Cognito expects the event back; a throw refuses the sign-up with the thrown message (the reason first). */
export function createPreSignUpHandler(deps: PreSignUpDependencies) {
  return async <E extends PreSignUpEvent>(event: E): Promise<E> => {
    // An administrator's account needs no key: provisioning and the load test never wait on the secret.
    const key = event.triggerSource === "PreSignUp_AdminCreateUser" ? new Uint8Array(32) : await deps.ticketKey();
    const verdict = await decidePreSignUp(event, key, deps.now(), deps.claimOnce);
    if (!verdict.ok) throw new Error(refusalMessage(verdict));
    return event;
  };
}

let handle: ReturnType<typeof createPreSignUpHandler> | undefined;

function fromEnvironment(): ReturnType<typeof createPreSignUpHandler> {
  const env = environmentSchema.parse(process.env);
  const secrets = new SecretsManagerClient({});
  let cached: { key: Uint8Array; until: number } | undefined;
  return createPreSignUpHandler({
    ticketKey: async () => {
      if (cached && cached.until > Date.now()) return cached.key;
      const secret = await secrets.send(new GetSecretValueCommand({ SecretId: env.SIGN_UP_TICKET_SECRET_ARN }));
      cached = { key: ticketKeyFromSecret(secret.SecretString), until: Date.now() + KEY_CACHE_MS };
      return cached.key;
    },
    claimOnce: dynamoDbClaimOnce(new DynamoDBClient({}), env.NONCES_TABLE),
    now: () => new Date(),
  });
}

export const handler = <E extends PreSignUpEvent>(event: E): Promise<E> => (handle ??= fromEnvironment())(event);
