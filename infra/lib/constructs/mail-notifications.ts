import { CfnOutput, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { type IGrantable, PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from "aws-cdk-lib/aws-ses";
import { Topic } from "aws-cdk-lib/aws-sns";
import { SqsSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct, type IConstruct } from "constructs";
import { acknowledgeFindings } from "../nag";

export interface MailNotificationsProps {
  /** The domain notifications are sent from; SES signs for it once its DKIM records are published. */
  readonly domain: string;
  /** The configuration set's name: what LANDSLIDE_SES_CONFIGURATION_SET carries. */
  readonly configurationSetName: string;
}

/** What SES reports of every message: the control API learns from these which addresses to stop mailing. */
export const MAIL_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
] as const;

/**
 * The control API's notifications through SES v2: the sending domain's identity, a configuration
 * set every message goes out under (TLS to the recipient's server required, bounces and complaints
 * suppressed for the account), and its events: SES → SNS → an SQS queue the control API reads,
 * with a dead-letter queue of its own. Everything the events pass through is encrypted with one
 * key made for them: the addresses in them are voters'.
 */
export class MailNotifications extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly key: Key;
  readonly topic: Topic;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: MailNotificationsProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.key = new Key(this, "EventsKey", {
      description: "Landslide mail events (SES to SNS to SQS): they hold voters' addresses",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // SES publishes into the encrypted topic itself: it needs the key, for this account's messages only.
    // (SNS's own use of the key for the queue is granted by the subscription.)
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal("ses.amazonaws.com")],
        actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
        resources: ["*"],
        conditions: { StringEquals: { "aws:SourceAccount": stack.account } },
      }),
    );

    this.topic = new Topic(this, "Events", {
      displayName: "Landslide mail events",
      masterKey: this.key,
      enforceSSL: true,
    });

    // Where events wait for a re-drive: those the control API failed on five times, and those SNS could not deliver.
    this.deadLetterQueue = new Queue(this, "EventsDeadLetterQueue", {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.queue = new Queue(this, "EventsQueue", {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // Handling one event is a database write or two; a minute covers a slow one.
      visibilityTimeout: Duration.minutes(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Raw delivery: each message's body is SES's event itself, not wrapped in SNS's envelope. What
    // SNS cannot hand to the queue waits in the same dead-letter queue, rather than being dropped.
    this.topic.addSubscription(
      new SqsSubscription(this.queue, { rawMessageDelivery: true, deadLetterQueue: this.deadLetterQueue }),
    );

    this.configurationSet = new ConfigurationSet(this, "ConfigurationSet", {
      configurationSetName: props.configurationSetName,
      // Ballot notices are not for the open internet: a server that cannot take TLS gets nothing.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      // An address that bounced or complained is not mailed again (SES's suppression list).
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination("ToEventsTopic", {
      destination: EventDestination.snsTopic(this.topic),
      events: [...MAIL_EVENTS],
    });

    this.identity = new EmailIdentity(this, "Identity", {
      identity: Identity.domain(props.domain),
      // Messages sent without naming a configuration set still report their events.
      configurationSet: this.configurationSet,
    });
    // No hosted zone here: the operator publishes these three CNAMEs (runbook), and SES verifies the domain by them.
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${index + 1} of 3 for ${props.domain}`,
      });
    });
  }

  /** The configuration set's ARN, as IAM names it (the construct exposes only its name). */
  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: "ses",
      resource: "configuration-set",
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /**
   * Sending as the identity, under the configuration set, and nothing else; and reading the
   * account's sending quota, which SES only grants on `*`.
   */
  grantSend(grantee: IGrantable & IConstruct): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ["ses:SendEmail", "ses:SendRawEmail"],
        resources: [this.identity.emailIdentityArn, this.configurationSetArn],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ["ses:GetAccount"], resources: ["*"] }));
    acknowledgeFindings(grantee, {
      "AwsSolutions-IAM5[Resource::*]":
        "ses:GetAccount (the account's sending quota, which the notifier paces itself by) has no resource to scope to; sending itself is granted on the identity and configuration set only.",
    });
  }

  /** Receiving and deleting the events (and decrypting them). */
  grantConsumeEvents(grantee: IGrantable): void {
    this.queue.grantConsumeMessages(grantee);
  }
}
