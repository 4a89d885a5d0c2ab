import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { SignUpTickets } from "../constructs/sign-up-tickets";
import { UserDirectory } from "../constructs/user-directory";
import type { Parameters } from "../parameters";

export interface IdentityStackProps extends StackProps {
  readonly parameters: Parameters;
}

/** Sign-in for everyone, and the check on self sign-ups: its own lifecycle, because a user pool cannot be recreated without losing every account. */
export class IdentityStack extends Stack {
  readonly directory: UserDirectory;
  /** The sign-up ticket key (the services stack hands it to the vote API) and the pre-sign-up Lambda. */
  readonly signUpTickets: SignUpTickets;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const { parameters } = props;
    this.signUpTickets = new SignUpTickets(this, "SignUpTickets", {
      envName: parameters.envName,
      tablePrefix: parameters.tablePrefix,
      logRetentionDays: parameters.logRetentionDays,
    });
    this.directory = new UserDirectory(this, "Directory", {
      userPoolName: parameters.tablePrefix,
      preSignUp: this.signUpTickets.preSignUp,
      ...(parameters.email ? { email: { ...parameters.email, sesRegion: parameters.primaryRegion } } : {}),
    });
    new CfnOutput(this, "UserPoolId", { value: this.directory.userPool.userPoolId });
    for (const [name, client] of Object.entries(this.directory.clients)) {
      new CfnOutput(this, `${name.replace(/-/g, "")}ClientId`, {
        value: client.userPoolClientId,
        description: `App client ${name}`,
      });
    }
  }
}
