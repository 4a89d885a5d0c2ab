import { randomBytes } from "node:crypto";
import { signSignUpTicket, TICKET_CLAIM_PREFIX as claimPrefixOfTheCheck } from "@landslide/config/sign-up-ticket";
import { describe, expect, it } from "vitest";
import { createPreSignUpHandler, ticketKeyFromSecret } from "../lambda/pre-sign-up";
import { TICKET_CLAIM_PREFIX } from "../lib/constructs/sign-up-tickets";
import { actionsOf, logicalIdOf, statementsOfRole } from "./support/app";
import { prod } from "./support/prod";

const { stacks, templates } = prod;
const identity = templates.identity;
const secretId = logicalIdOf(stacks.identity.signUpTickets.key);
const lambdaRoleId = logicalIdOf(stacks.identity.signUpTickets.role);

type Json = Record<string, unknown>;
const policies = (template: typeof identity) =>
  Object.entries(
    template.findResources("AWS::IAM::Policy") as Record<
      string,
      { Properties: { Roles: Json[]; PolicyDocument: { Statement: Json[] } } }
    >,
  );

describe("self sign-up in production (issue 15)", () => {
  it("puts the pre-sign-up Lambda on the user pool, and lets only Cognito invoke it for this pool", () => {
    const functionId = logicalIdOf(stacks.identity.signUpTickets.preSignUp);
    identity.hasResourceProperties("AWS::Cognito::UserPool", {
      LambdaConfig: { PreSignUp: { "Fn::GetAtt": [functionId, "Arn"] } },
    });
    identity.hasResourceProperties("AWS::Lambda::Permission", {
      FunctionName: { "Fn::GetAtt": [functionId, "Arn"] },
      Principal: "cognito-idp.amazonaws.com",
      SourceArn: { "Fn::GetAtt": [logicalIdOf(stacks.identity.directory.userPool), "Arn"] },
    });
    identity.hasResourceProperties("AWS::Lambda::Function", {
      Runtime: "nodejs24.x",
      Timeout: 5,
      Environment: { Variables: { SIGN_UP_TICKET_SECRET_ARN: { Ref: secretId }, NONCES_TABLE: "landslide-nonces" } },
    });
  });

  it("keeps the ticket key in a secret of its own, generated as a base64url key", () => {
    identity.hasResourceProperties("AWS::SecretsManager::Secret", {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
    });
    identity.hasResource("AWS::SecretsManager::Secret", { DeletionPolicy: "Retain" });
  });

  it("gives the Lambda's role its log group, that one secret, and puts of ticket ids in the nonces table: nothing else", () => {
    const statements = statementsOfRole(identity, lambdaRoleId);
    const secretStatements = statements.filter((s) => JSON.stringify(s.Action).includes("secretsmanager:"));
    expect(secretStatements.map((s) => s.Resource)).toEqual([{ Ref: secretId }]);
    expect(secretStatements[0]!.Action).toEqual(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]);

    const tableStatements = statements.filter((s) => JSON.stringify(s.Action).includes("dynamodb:"));
    expect(tableStatements).toHaveLength(1);
    expect(tableStatements[0]).toMatchObject({
      Action: "dynamodb:PutItem",
      Condition: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [`${TICKET_CLAIM_PREFIX}*`] } },
    });
    expect(JSON.stringify(tableStatements[0]!.Resource)).toContain(":table/landslide-nonces");

    const others = statements.filter((s) => !secretStatements.includes(s) && !tableStatements.includes(s));
    expect(actionsOf(others)).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
    // No managed policy (AWSLambdaBasicExecutionRole would grant every log group).
    identity.hasResourceProperties("AWS::IAM::Role", {
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: "lambda.amazonaws.com" } }] },
    });
    expect(
      (identity.findResources("AWS::IAM::Role")[lambdaRoleId]!.Properties as Json).ManagedPolicyArns,
    ).toBeUndefined();
  });

  it("lets no other role of the identity stack read the secret, and of the services only the vote API's task", () => {
    const readers = policies(identity).filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes(`"Ref":"${secretId}"`),
    );
    expect(readers.flatMap(([, p]) => p.Properties.Roles)).toEqual([{ Ref: lambdaRoleId }]);

    // In the services stack the secret is an import of the identity stack's export of its ARN.
    const namesTheSecret = (statement: Json) =>
      JSON.stringify(statement.Resource).includes("Fn::ImportValue") &&
      JSON.stringify(statement.Resource).includes(secretId);
    const serviceReaders = policies(templates.services).filter(([, p]) =>
      p.Properties.PolicyDocument.Statement.some(namesTheSecret),
    );
    const voteApiExecutionRole = logicalIdOf(
      stacks.services.services.voteApi.service.taskDefinition.obtainExecutionRole(),
    );
    expect(serviceReaders.flatMap(([, p]) => p.Properties.Roles)).toEqual([{ Ref: voteApiExecutionRole }]);

    // The vote API's container gets it as LANDSLIDE_SIGN_UP_TICKET_KEY; no other task definition names it.
    const tasks = Object.entries(templates.services.findResources("AWS::ECS::TaskDefinition"));
    const withKey = tasks.filter(([, t]) => JSON.stringify(t).includes("LANDSLIDE_SIGN_UP_TICKET_KEY"));
    expect(withKey.map(([id]) => id)).toEqual([logicalIdOf(stacks.services.services.voteApi.service.taskDefinition)]);
  });

  it("claims the keys the role may write: the check's prefix is the one IAM allows", () => {
    expect(TICKET_CLAIM_PREFIX).toBe(claimPrefixOfTheCheck);
  });
});

describe("the pre-sign-up handler", () => {
  const key = ticketKeyFromSecret(randomBytes(48).toString("base64url"));
  const claimed = new Set<string>();
  const handler = createPreSignUpHandler({
    ticketKey: async () => key,
    claimOnce: async (claim) => (claimed.has(claim) ? false : (claimed.add(claim), true)),
    now: () => new Date(),
  });
  const signUp = (email: string, ticket?: string) => ({
    triggerSource: "PreSignUp_SignUp",
    userName: email,
    request: {
      userAttributes: { email },
      clientMetadata: ticket ? { signUpTicket: ticket } : ({} as Record<string, string>),
    },
    response: {},
  });

  it("returns the event for a valid ticket, and refuses it used again, missing, or for another address, reason first", async () => {
    const { ticket } = signSignUpTicket(key, "voter@example.org", new Date());
    await expect(handler(signUp("voter@example.org", ticket))).resolves.toMatchObject({
      triggerSource: "PreSignUp_SignUp",
    });
    expect([...claimed].every((c) => c.startsWith(TICKET_CLAIM_PREFIX))).toBe(true);
    await expect(handler(signUp("voter@example.org", ticket))).rejects.toThrow(/^SIGN_UP_TICKET_REUSED: /);
    await expect(handler(signUp("voter@example.org"))).rejects.toThrow(/^SIGN_UP_TICKET_MISSING: /);
    const other = signSignUpTicket(key, "voter@example.org", new Date()).ticket;
    await expect(handler(signUp("someone-else@example.org", other))).rejects.toThrow(/^SIGN_UP_TICKET_WRONG_EMAIL: /);
  });

  it("lets an administrator's account through without reading the key", async () => {
    const admin = createPreSignUpHandler({
      ticketKey: () => Promise.reject(new Error("the secret was read")),
      claimOnce: async () => true,
      now: () => new Date(),
    });
    await expect(
      admin({
        triggerSource: "PreSignUp_AdminCreateUser",
        userName: "loadtest-000001@loadtest.landslide.test",
        request: {},
      }),
    ).resolves.toBeTruthy();
  });

  it("refuses a secret that does not hold a key of 32 bytes", () => {
    expect(() => ticketKeyFromSecret("too-short")).toThrow(/32 bytes/);
    expect(() => ticketKeyFromSecret(undefined)).toThrow(/32 bytes/);
    expect(ticketKeyFromSecret("x".repeat(64)).length).toBe(48);
  });
});
