import { Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolEmail,
  type UserPoolClient,
  type UserPoolGroup,
} from "aws-cdk-lib/aws-cognito";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Construct } from "constructs";
import { acknowledgeFindings } from "../nag";

export interface UserDirectoryProps {
  /** packages/config's LANDSLIDE_USER_POOL_NAME. */
  readonly userPoolName: string;
  /** Send through SES (required for voter volumes); Cognito's own mailer otherwise. */
  readonly email?: { readonly from: string; readonly sesVerifiedDomain: string; readonly sesRegion: string };
  /** Cognito's PreSignUp trigger: refuses a self sign-up without a sign-up ticket (see SignUpTickets). */
  readonly preSignUp: IFunction;
}

/** Groups are roles: packages/api's procedure tiers read `cognito:groups`. */
export const groupNames = ["voters", "officials", "operators"] as const;
export type GroupName = (typeof groupNames)[number];

/** App clients, one per program that signs people in; the names match what provisioning creates locally. */
export const clientNames = ["voter-web", "console", "cli"] as const;
export type ClientName = (typeof clientNames)[number];

/**
 * One Cognito user pool for voters, officials and operators (groups as roles, as the local
 * stack provisions it), with threat protection on the Plus plan: compromised-credential checks
 * and adaptive authentication that blocks risky sign-ins.
 *
 * MFA is OPTIONAL for the pool (300 million voters cannot all be asked to set up TOTP) and TOTP
 * only (no SMS: cost, and SIM swapping). For officials and operators it is a policy the
 * runbook enforces: their accounts are created by an operator, who enrols a TOTP device and
 * sets it enabled and preferred (AdminSetUserMFAPreference) — from then on Cognito challenges
 * every sign-in of that account; `election doctor`-style checks should refuse group members
 * without it (docs/operations.md, "MFA for officials and operators").
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly groups: Record<GroupName, UserPoolGroup>;
  readonly clients: Record<ClientName, UserPoolClient>;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);

    this.userPool = new UserPool(this, "UserPool", {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Threat protection (formerly "advanced security") needs the Plus plan.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Self sign-up stays open to voters, but only with a ticket the vote API gave after its human
      // check and sign-up limits; accounts an operator creates (AdminCreateUser) pass.
      lambdaTriggers: { preSignUp: props.preSignUp },
      ...(props.email
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.email.from,
              sesVerifiedDomain: props.email.sesVerifiedDomain,
              sesRegion: props.email.sesRegion,
            }),
          }
        : {}),
    });
    acknowledgeFindings(this.userPool, {
      "AwsSolutions-COG2":
        "MFA is optional for the pool because it holds every voter; officials and operators must have TOTP enabled and preferred, which Cognito then requires at each of their sign-ins (runbook: MFA for officials and operators).",
    });

    // Lower precedence wins when a person is in several groups: the most privileged role first.
    const precedence: Record<GroupName, number> = { operators: 0, officials: 10, voters: 100 };
    this.groups = Object.fromEntries(
      groupNames.map((name) => [
        name,
        this.userPool.addGroup(`${capitalize(name)}Group`, {
          groupName: name,
          precedence: precedence[name],
          description: `Landslide ${name}`,
        }),
      ]),
    ) as Record<GroupName, UserPoolGroup>;

    // Public clients (a browser and a CLI cannot keep a secret): SRP or password auth, refresh
    // tokens, short access tokens. USER_PASSWORD_AUTH is what packages/api's client and the CLI use today.
    const refreshValidity: Record<ClientName, Duration> = {
      "voter-web": Duration.days(1),
      console: Duration.hours(12),
      cli: Duration.hours(12),
    };
    this.clients = Object.fromEntries(
      clientNames.map((name) => [
        name,
        this.userPool.addClient(`${capitalize(name)}Client`, {
          userPoolClientName: name,
          generateSecret: false,
          authFlows: { userPassword: true, userSrp: true },
          disableOAuth: true,
          preventUserExistenceErrors: true,
          enableTokenRevocation: true,
          accessTokenValidity: Duration.minutes(15),
          idTokenValidity: Duration.minutes(15),
          refreshTokenValidity: refreshValidity[name],
          authSessionValidity: Duration.minutes(3),
        }),
      ]),
    ) as Record<ClientName, UserPoolClient>;
  }
}

function capitalize(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}
