import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { mailFrom, parametersFor } from "../lib/parameters";
import { serviceNames } from "../lib/service-catalog";
import { actionsOf, logicalIdOf, statementsOfRole, synthesizeStacks } from "./support/app";
import { prod } from "./support/prod";

const { templates, parameters, stacks } = prod;
const template = templates.services;
const mail = stacks.services.mail;
const ids = {
  identity: logicalIdOf(mail.identity),
  configurationSet: logicalIdOf(mail.configurationSet),
  topic: logicalIdOf(mail.topic),
  queue: logicalIdOf(mail.queue),
  deadLetterQueue: logicalIdOf(mail.deadLetterQueue),
  key: logicalIdOf(mail.key),
};
const taskRole = (name: keyof typeof stacks.services.services) => logicalIdOf(stacks.services.services[name].taskRole);
const environmentOf = (name: keyof typeof stacks.services.services) => {
  const task =
    template.findResources("AWS::ECS::TaskDefinition")[
      logicalIdOf(stacks.services.services[name].service.taskDefinition)
    ];
  const container = (
    task?.Properties as { ContainerDefinitions: { Environment: { Name: string; Value: unknown }[] }[] }
  ).ContainerDefinitions[0]!;
  return Object.fromEntries(container.Environment.map((e) => [e.Name, e.Value]));
};
const resources = (template.toJSON() as { Resources: Record<string, { Properties: Record<string, unknown> }> })
  .Resources;
const resource = (logicalId: string) => resources[logicalId]!;
/** The ARN IAM gives an SES resource of this stack, as the template writes it. */
const sesArn = (kind: string, logicalId: string) => ({
  "Fn::Join": [
    "",
    [
      "arn:",
      { Ref: "AWS::Partition" },
      `:ses:${parameters.primaryRegion}:`,
      { Ref: "AWS::AccountId" },
      `:${kind}/`,
      { Ref: logicalId },
    ],
  ],
});
const denyWithoutTls = Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });

describe("the control API's e-mail (SES v2)", () => {
  it("sends from an identity for the environment's mail domain, under the configuration set by default, and says which DKIM records to publish", () => {
    expect(parameters.mail).toEqual({ domain: "notify.landslide.example", from: "elections@notify.landslide.example" });
    template.resourceCountIs("AWS::SES::EmailIdentity", 1);
    expect(resource(ids.identity).Properties).toEqual({
      EmailIdentity: parameters.mail.domain,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: ids.configurationSet } },
    });
    const outputs = Object.values(template.findOutputs("*")).filter((o) => String(o.Description).startsWith("DKIM"));
    expect(outputs).toHaveLength(3);
  });

  it("has a configuration set that requires TLS, publishes reputation metrics and suppresses bounces and complaints", () => {
    template.resourceCountIs("AWS::SES::ConfigurationSet", 1);
    expect(resource(ids.configurationSet).Properties).toEqual({
      Name: `${parameters.tablePrefix}-notifications`,
      DeliveryOptions: { TlsPolicy: "REQUIRE" },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
    });
  });

  it("reports sends, deliveries, bounces, complaints and rejects to an SNS topic that only SES of this configuration set publishes to, over TLS", () => {
    template.resourceCountIs("AWS::SES::ConfigurationSetEventDestination", 1);
    template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      ConfigurationSetName: { Ref: ids.configurationSet },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(["send", "delivery", "bounce", "complaint", "reject"]),
        SnsDestination: { TopicARN: { Ref: ids.topic } },
      },
    });
    expect(resource(ids.topic).Properties.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [ids.key, "Arn"] });
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      Topics: [{ Ref: ids.topic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          denyWithoutTls,
          Match.objectLike({
            Effect: "Allow",
            Action: "sns:Publish",
            Principal: { Service: "ses.amazonaws.com" },
            Condition: {
              StringEquals: {
                "AWS:SourceAccount": { Ref: "AWS::AccountId" },
                "AWS:SourceArn": sesArn("configuration-set", ids.configurationSet),
              },
            },
          }),
        ]),
      },
    });
  });

  it("feeds the events, raw, to an encrypted TLS-only queue with a dead-letter queue of its own", () => {
    template.hasResourceProperties("AWS::SNS::Subscription", {
      TopicArn: { Ref: ids.topic },
      Protocol: "sqs",
      Endpoint: { "Fn::GetAtt": [ids.queue, "Arn"] },
      RawMessageDelivery: true,
      RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [ids.deadLetterQueue, "Arn"] } },
    });
    expect(resource(ids.queue).Properties).toMatchObject({
      KmsMasterKeyId: { "Fn::GetAtt": [ids.key, "Arn"] },
      RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": [ids.deadLetterQueue, "Arn"] }, maxReceiveCount: 5 },
    });
    expect(resource(ids.deadLetterQueue).Properties).toMatchObject({
      KmsMasterKeyId: { "Fn::GetAtt": [ids.key, "Arn"] },
    });
    for (const queue of [ids.queue, ids.deadLetterQueue])
      template.hasResourceProperties("AWS::SQS::QueuePolicy", {
        Queues: [{ Ref: queue }],
        PolicyDocument: { Statement: Match.arrayWith([denyWithoutTls]) },
      });
  });

  it("encrypts everything the events pass through with a rotated key SES may use for this account only", () => {
    expect(resource(ids.key).Properties).toMatchObject({
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: expect.arrayContaining([
          {
            Effect: "Allow",
            Principal: { Service: "ses.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } } },
          },
        ]),
      },
    });
  });

  it("lets the control API send only as the identity under the configuration set, read the quota, and consume the events", () => {
    const statements = statementsOfRole(template, taskRole("controlApi"));
    const ses = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith("ses:")));
    expect(ses).toEqual([
      {
        Effect: "Allow",
        Action: ["ses:SendEmail", "ses:SendRawEmail"],
        Resource: [sesArn("identity", ids.identity), sesArn("configuration-set", ids.configurationSet)],
      },
      // SES has no resource to scope the account's quota to (acknowledged for cdk-nag, nag.test.ts).
      { Effect: "Allow", Action: "ses:GetAccount", Resource: "*" },
    ]);
    const sqs = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith("sqs:")));
    expect(sqs).toHaveLength(1);
    expect(sqs[0]!.Resource).toEqual({ "Fn::GetAtt": [ids.queue, "Arn"] });
    expect(actionsOf(sqs)).toEqual(expect.arrayContaining(["sqs:ReceiveMessage", "sqs:DeleteMessage"]));
    expect(actionsOf(sqs)).not.toContain("sqs:SendMessage");
    const kms = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith("kms:")));
    expect(kms).toEqual([{ Effect: "Allow", Action: "kms:Decrypt", Resource: { "Fn::GetAtt": [ids.key, "Arn"] } }]);
    // Nobody else sends mail or reads its events.
    for (const name of serviceNames.filter((n) => n !== "controlApi")) {
      const actions = actionsOf(statementsOfRole(template, taskRole(name)));
      expect(
        actions.filter((a) => a.startsWith("ses:")),
        name,
      ).toEqual([]);
      const resources = JSON.stringify(statementsOfRole(template, taskRole(name)).map((s) => s.Resource));
      expect(resources, name).not.toContain(ids.queue);
    }
  });

  it("lets the control API read a roll whole and look up an address's account, for reminders to those who have not voted", () => {
    const statements = statementsOfRole(template, taskRole("controlApi"));
    const cognito = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith("cognito-idp:")));
    expect(actionsOf(cognito)).toEqual(["cognito-idp:AdminGetUser"]);
    // The one user pool (an import from the identity stack), never every pool of the account.
    expect(cognito).toHaveLength(1);
    expect(cognito[0]!.Resource).not.toBe("*");
    expect(JSON.stringify(cognito[0]!.Resource)).toMatch(/UserPool/);
    const rolls = statements.filter((s) =>
      JSON.stringify(s.Resource).includes(logicalIdOf(stacks.data.tables.voterRolls)),
    );
    expect(actionsOf(rolls)).toEqual(
      expect.arrayContaining(["dynamodb:Scan", "dynamodb:PutItem", "dynamodb:UpdateItem"]),
    );
    // Only the control API looks accounts up.
    for (const name of serviceNames.filter((n) => n !== "controlApi"))
      expect(
        actionsOf(statementsOfRole(template, taskRole(name))).filter((a) => a.startsWith("cognito-idp:")),
        name,
      ).toEqual([]);
  });

  it("tells the control API its sender, configuration set, events queue and the voter site its links open", () => {
    expect(environmentOf("controlApi")).toMatchObject({
      LANDSLIDE_MAIL_FROM: `Landslide <${parameters.mail.from}>`,
      LANDSLIDE_SES_CONFIGURATION_SET: { Ref: ids.configurationSet },
      LANDSLIDE_SES_EVENTS_QUEUE_URL: { Ref: ids.queue },
      LANDSLIDE_VOTER_WEB_URL: `https://${parameters.publicHostname}`,
    });
    for (const name of serviceNames.filter((n) => n !== "controlApi"))
      expect(Object.keys(environmentOf(name)), name).not.toContain("LANDSLIDE_SES_CONFIGURATION_SET");
  });

  it("takes the sending domain from the parameters (the mailDomain context of bin/app.ts), refusing a sender elsewhere", () => {
    expect(() => parametersFor("dev", { mail: { domain: "mail.example.org", from: "elections@example.org" } })).toThrow(
      /mail.from must be an address at mail.domain/,
    );
    const dev = synthesizeStacks("dev", { mail: mailFrom("mail.example.org") });
    dev.templates.services.hasResourceProperties("AWS::SES::EmailIdentity", { EmailIdentity: "mail.example.org" });
    dev.templates.services.hasResourceProperties("AWS::SES::ConfigurationSet", {
      Name: "landslide-dev-notifications",
    });
  });
});
