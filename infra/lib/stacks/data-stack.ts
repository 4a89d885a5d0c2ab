import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { VoteTables } from "../constructs/vote-tables";
import type { Parameters } from "../parameters";

export interface DataStackProps extends StackProps {
  readonly parameters: Parameters;
}

/** Stateful resources, in a stack of their own so service deployments never touch them. */
export class DataStack extends Stack {
  readonly tables: VoteTables;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.tables = new VoteTables(this, "VoteTables", { tablePrefix: props.parameters.tablePrefix });
    new CfnOutput(this, "VotesStreamArn", { value: this.tables.votes.tableStreamArn ?? "" });
  }
}
