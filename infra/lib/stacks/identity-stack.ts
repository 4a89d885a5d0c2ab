import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { UserDirectory } from "../constructs/user-directory";
import type { Parameters } from "../parameters";

export interface IdentityStackProps extends StackProps {
  readonly parameters: Parameters;
}

/** Sign-in for everyone: its own lifecycle, because a user pool cannot be recreated without losing every account. */
export class IdentityStack extends Stack {
  readonly directory: UserDirectory;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const { parameters } = props;
    this.directory = new UserDirectory(this, "Directory", {
      userPoolName: parameters.tablePrefix,
      ...(parameters.email ? { email: { ...parameters.email, sesRegion: parameters.primaryRegion } } : {}),
    });
    new CfnOutput(this, "UserPoolId", { value: this.directory.userPool.userPoolId });
    for (const [name, client] of Object.entries(this.directory.clients)) {
      new CfnOutput(this, `${name.replace(/-/g, "")}ClientId`, { value: client.userPoolClientId, description: `App client ${name}` });
    }
  }
}
