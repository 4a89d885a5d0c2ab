import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { z } from "zod";
import { questionCountingSchema } from "../../election/counting-rules";
import { electionDefinitionSchema, electionStatuses, type Election, questionKinds } from "../../election/definition";
import { scoreRangeSchema } from "../../election/score-range";
import { optionOrderRuleSchema } from "../../election/option-order";
import { tieRuleSchema } from "../../election/tie-rule";
import type { ElectionCopies } from "../../ports";

// PK ELECTION#<id>: the whole definition as one JSON attribute, beside its version for the condition.
const key = (electionId: string) => ({ pk: { S: `ELECTION#${electionId}` } });

const isoDate = z.iso.datetime().transform((s) => new Date(s));
/**
 * What a copy holds, checked on the way back in: a copy is written only by the control plane, but a
 * malformed one must fail loudly here rather than judge ballots. Text is not re-checked (it was
 * when the official wrote it) so a rule tightened later does not take a running election away.
 */
const storedElection = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  // Copies published before translations existed hold neither: English, untranslated.
  language: z.string().optional(),
  translations: z
    .record(
      z.string(),
      z.object({
        title: z.string().optional(),
        description: z.string().optional(),
        questions: z
          .record(
            z.string(),
            z.object({ prompt: z.string().optional(), options: z.record(z.string(), z.string()).optional() }),
          )
          .optional(),
      }),
    )
    .optional(),
  allowAbstain: z.boolean(),
  eligibility: electionDefinitionSchema.shape.eligibility.unwrap(),
  // Copies published before the policy existed hold none: they were all "optional".
  passkeyPolicy: electionDefinitionSchema.shape.passkeyPolicy,
  opensAt: isoDate.nullable(),
  closesAt: isoDate.nullable(),
  status: z.enum(electionStatuses),
  stopsAt: isoDate.nullable(),
  version: z.number().int().positive(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(questionKinds),
      prompt: z.string(),
      minChoices: z.number().int(),
      maxChoices: z.number().int(),
      options: z.array(z.object({ id: z.string(), label: z.string() })),
      // Copies published before counting methods existed name none: their kind's default.
      counting: questionCountingSchema.optional(),
      scoreRange: scoreRangeSchema.optional(),
    }),
  ),
  tieRule: tieRuleSchema.optional(),
  optionOrder: optionOrderRuleSchema.optional(),
});

/** The data plane's copies of the elections, one item each, in DynamoDB beside the votes. */
export class DynamoDbElectionCopies implements ElectionCopies {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async get(electionId: string): Promise<Election | undefined> {
    // Strongly consistent: a task that reads after a publish sees it (the stop notice relies on it).
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: key(electionId), ConsistentRead: true }),
    );
    const definition = Item?.definition?.S;
    return definition === undefined ? undefined : storedElection.parse(JSON.parse(definition));
  }

  async publish(election: Election & { readonly version: number }): Promise<"published" | "stale"> {
    // Checked on the way out too, and only the stored fields kept (not, say, a cache's readAt).
    const copy = storedElection.parse(JSON.parse(JSON.stringify({ stopsAt: null, ...election })));
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: { ...key(election.id), version: { N: String(copy.version) }, definition: { S: JSON.stringify(copy) } },
          // Copies are sent by every control-API task and re-sent by the reconciler: never go back.
          ConditionExpression: "attribute_not_exists(pk) OR version < :version",
          ExpressionAttributeValues: { ":version": { N: String(copy.version) } },
        }),
      );
      return "published";
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return "stale";
      throw error;
    }
  }
}
