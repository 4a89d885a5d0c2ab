import { CfnOutput, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { Repository, TagMutability } from "aws-cdk-lib/aws-ecr";
import type { Construct } from "constructs";
import type { Parameters } from "../parameters";
import type { ImageName } from "../service-catalog";

export interface RegistryStackProps extends StackProps {
  readonly parameters: Parameters;
}

/**
 * The container registries, deployed before the services: images must be pushed to them
 * before any Fargate service can start (a services stack that created its own repositories
 * would roll back on first deploy, its tasks having nothing to pull).
 */
export class RegistryStack extends Stack {
  readonly repositories: Record<ImageName, Repository>;

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    const images: ImageName[] = ["api", "voter-web", "console"];
    this.repositories = Object.fromEntries(
      images.map((image) => {
        const repository = new Repository(this, `${image.replace(/-/g, "")}Repository`, {
          repositoryName: `landslide-${props.parameters.envName}/${image}`,
          // A tag names one release for ever: a rollback redeploys exactly what ran before.
          imageTagMutability: TagMutability.IMMUTABLE,
          imageScanOnPush: true,
          // Running tasks pull by tag: keep enough history to roll back weeks, not for ever.
          lifecycleRules: [{ description: "keep the last 100 images", maxImageCount: 100 }],
          removalPolicy: RemovalPolicy.RETAIN,
        });
        new CfnOutput(this, `${image.replace(/-/g, "")}RepositoryUri`, { value: repository.repositoryUri });
        return [image, repository];
      }),
    ) as Record<ImageName, Repository>;
  }
}
