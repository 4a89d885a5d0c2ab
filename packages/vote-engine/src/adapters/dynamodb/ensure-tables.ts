import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import { createTableInput, tableDefinitions, type TableNames, tableNames } from "./tables";

/**
 * Creates whatever table (and TTL setting) is missing and leaves the rest alone,
 * so it can run on every start. Returns what it changed, for the provisioning report.
 */
export async function ensureTables(
  client: DynamoDBClient,
  prefix: string,
): Promise<{ names: TableNames; changes: string[] }> {
  const changes: string[] = [];
  for (const table of tableDefinitions) {
    const input = createTableInput(prefix, table);
    const name = input.TableName!;
    if (!(await tableExists(client, name))) {
      try {
        await client.send(new CreateTableCommand(input));
        changes.push(`created table ${name}`);
      } catch (error) {
        // Another process created it between our look and our create: that is the state we want.
        if (!(error instanceof ResourceInUseException)) throw error;
      }
      await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name });
    }
    if (table.ttlAttribute && !(await ttlEnabled(client, name))) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
        }),
      );
      changes.push(`enabled TTL on ${name}.${table.ttlAttribute}`);
    }
  }
  return { names: tableNames(prefix), changes };
}

async function tableExists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

async function ttlEnabled(client: DynamoDBClient, name: string): Promise<boolean> {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  return status === "ENABLED" || status === "ENABLING";
}
