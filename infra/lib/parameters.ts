import { z } from "zod";

/** The settings of one deployment environment, validated before any construct is built. */
export const parametersSchema = z
  .object({
    envName: z.enum(["dev", "staging", "prod"], { error: "env must be dev, staging or prod" }),
    account: z
      .string()
      .regex(/^\d{12}$/, { error: "account must be a 12-digit AWS account id" })
      .optional(),
    primaryRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: "primaryRegion must be an AWS region such as eu-west-1" }),
    replicaRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: "replicaRegion must be an AWS region such as eu-central-1" }),
    tablePrefix: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, { error: "tablePrefix must be 2-31 lowercase letters, digits or '-'" }),
  })
  .refine((p) => p.primaryRegion !== p.replicaRegion, {
    error: "replicaRegion must differ from primaryRegion: the replica exists to survive the loss of a region",
    path: ["replicaRegion"],
  });

export type Parameters = z.infer<typeof parametersSchema>;

const defaults: Record<Parameters["envName"], Omit<Parameters, "envName" | "account">> = {
  dev: { primaryRegion: "eu-west-1", replicaRegion: "eu-central-1", tablePrefix: "landslide-dev" },
  staging: { primaryRegion: "eu-west-1", replicaRegion: "eu-central-1", tablePrefix: "landslide-staging" },
  prod: { primaryRegion: "eu-west-1", replicaRegion: "eu-central-1", tablePrefix: "landslide" },
};

/** Parameters for an environment: its defaults, overridden by what is given. Throws a readable error. */
export function parametersFor(envName: string, overrides: Partial<Parameters> = {}): Parameters {
  const base = defaults[envName as Parameters["envName"]] ?? {};
  const parsed = parametersSchema.safeParse({ envName, ...base, ...overrides });
  if (!parsed.success) {
    throw new Error(`Invalid infrastructure parameters: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  return parsed.data;
}
