import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AdminUpdateUserAttributesCommand, CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";

/** The name cognito-local is told to invoke after a sign-up is confirmed. */
export const POST_CONFIRMATION_FUNCTION = "landslide-local-post-confirmation";

interface PostConfirmationEvent {
  readonly triggerSource?: string;
  readonly userPoolId?: string;
  readonly userName?: string;
  readonly request?: { readonly userAttributes?: Record<string, string> };
}

export interface CognitoTriggers {
  /** Where cognito-local's Lambda client sends its Invoke calls. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Real Cognito marks the e-mail verified when a sign-up is confirmed with the code sent to it
 * (the pool auto-verifies e-mail); cognito-local confirms the account but leaves `email_verified`
 * unset, so locally a self-registered voter could never match an e-mail voter roll. This answers
 * cognito-local's PostConfirmation trigger the way the Lambda Invoke API would, and sets the flag
 * through the admin API, so the local pool behaves like the production one.
 */
export async function startCognitoTriggers(cognitoEndpoint: string): Promise<CognitoTriggers> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: cognitoEndpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void answer(Buffer.concat(chunks).toString("utf8")).then(
        () => respond(200, {}),
        (error: unknown) => respond(200, { errorMessage: (error as Error).message }, "Unhandled"),
      );
    });
    const respond = (status: number, payload: object, functionError?: string) => {
      response.writeHead(status, {
        "content-type": "application/json",
        ...(functionError ? { "x-amz-function-error": functionError } : {}),
      });
      response.end(JSON.stringify(functionError ? payload : { response: payload }));
    };
  });

  async function answer(body: string): Promise<void> {
    const event = JSON.parse(body) as PostConfirmationEvent;
    const email = event.request?.userAttributes?.email;
    if (event.triggerSource !== "PostConfirmation_ConfirmSignUp" || !event.userPoolId || !event.userName || !email) return;
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: event.userPoolId,
        Username: event.userName,
        // cognito-local insists the address travels with its verification flag.
        UserAttributes: [
          { Name: "email", Value: email },
          { Name: "email_verified", Value: "true" },
        ],
      }),
    );
  }

  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      cognito.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
}
