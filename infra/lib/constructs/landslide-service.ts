import { Duration, RemovalPolicy, Size } from "aws-cdk-lib";
import {
  AwsLogDriverMode,
  type CfnService,
  type Cluster,
  type ContainerImage,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
  type ScalableTaskCount,
  type Secret as EcsSecret,
} from "aws-cdk-lib/aws-ecs";
import { type IVpc, Peer, Port, SecurityGroup } from "aws-cdk-lib/aws-ec2";
import {
  ApplicationLoadBalancer,
  ApplicationProtocol,
  type ApplicationTargetGroup,
} from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type { IRole } from "aws-cdk-lib/aws-iam";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Construct } from "constructs";
import { acknowledgeFindings } from "../nag";
import { type ServiceSizing, taskSize } from "../parameters";
import type { ServiceDescription } from "../service-catalog";

export interface LandslideServiceProps {
  readonly description: ServiceDescription;
  readonly sizing: ServiceSizing;
  readonly cluster: Cluster;
  readonly vpc: IVpc;
  /** The VPC's range as a literal (CloudFront's VPC origin reaches the load balancer from inside it). */
  readonly vpcCidr: string;
  /** The subnet group tasks and the internal load balancer live in. */
  readonly subnetGroupName: string;
  readonly image: ContainerImage;
  readonly cpuArchitecture: "ARM64" | "X86_64";
  readonly environment: Record<string, string>;
  readonly secrets?: Record<string, EcsSecret>;
  /** Replaces the image's entry point (the API image's wrapper that assembles DATABASE_URL and the keys file). */
  readonly entryPoint?: string[];
  readonly logRetentionDays: number;
  /** Where the load balancer writes its access logs (S3-managed encryption, same region). */
  readonly accessLogs?: IBucket;
  readonly deletionProtection: boolean;
}

/** Where the task's scratch volume is mounted: the only place a task writes. */
export const SCRATCH_PATH = "/tmp";

/**
 * One deployable of docs/design.md §6 as a Fargate service: its own task role (granted by the
 * stack, per service), its own log group, an internal load balancer that only CloudFront's VPC
 * origin reaches (for services with a public path), and target tracking on CPU and on requests
 * per task between the environment's bounds.
 */
export class LandslideService extends Construct {
  readonly service: FargateService;
  readonly taskRole: IRole;
  readonly logGroup: LogGroup;
  readonly scaling: ScalableTaskCount;
  readonly securityGroup: SecurityGroup;
  readonly loadBalancer?: ApplicationLoadBalancer;
  readonly targetGroup?: ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: LandslideServiceProps) {
    super(scope, id);
    const { description, sizing } = props;
    const size = taskSize(sizing.size);
    const subnets = { subnetGroupName: props.subnetGroupName };

    this.logGroup = new LogGroup(this, "Logs", {
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const taskDefinition = new FargateTaskDefinition(this, "Task", {
      cpu: size.cpu,
      memoryLimitMiB: size.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: CpuArchitecture.of(props.cpuArchitecture),
        operatingSystemFamily: OperatingSystemFamily.LINUX,
      },
    });
    this.taskRole = taskDefinition.taskRole;
    // A read-only root file system; the task's ephemeral storage is mounted at /tmp for what must
    // be written (the keys file the entry point writes with mode 600).
    taskDefinition.addVolume({ name: "scratch" });
    const container = taskDefinition.addContainer("App", {
      containerName: description.id,
      image: props.image,
      environment: props.environment,
      ...(props.secrets ? { secrets: props.secrets } : {}),
      ...(props.entryPoint ? { entryPoint: props.entryPoint } : {}),
      ...(description.command ? { command: [...description.command] } : {}),
      // Next.js writes its cache under .next/: the web images keep a writable root.
      readonlyRootFilesystem: description.kind !== "web",
      portMappings: [{ containerPort: description.port, name: description.id }],
      // Non-blocking: a slow log pipeline must never stall a cast; 25 MB buffers a burst.
      logging: LogDrivers.awsLogs({
        logGroup: this.logGroup,
        streamPrefix: description.id,
        mode: AwsLogDriverMode.NON_BLOCKING,
        maxBufferSize: Size.mebibytes(25),
      }),
      // SIGTERM, then 30 s: the services drain in 2 s; SSE clients reconnect elsewhere.
      stopTimeout: Duration.seconds(30),
      // The aggregator has no load balancer to judge it: ECS asks its /readyz itself (node's fetch: no curl in the image).
      ...(description.kind === "worker"
        ? {
            healthCheck: {
              command: [
                "CMD",
                "node",
                "-e",
                `fetch("http://127.0.0.1:${description.port}/readyz").then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))`,
              ],
              interval: Duration.seconds(15),
              timeout: Duration.seconds(5),
              retries: 3,
              startPeriod: Duration.seconds(60),
            },
          }
        : {}),
    });
    container.addMountPoints({ containerPath: SCRATCH_PATH, sourceVolume: "scratch", readOnly: false });
    const executionRole = taskDefinition.obtainExecutionRole();
    acknowledgeFindings(executionRole, {
      "AwsSolutions-IAM5[Resource::*]":
        "ecr:GetAuthorizationToken has no resource to scope to; every other statement of the execution role names its repository, log group or secret.",
    });
    acknowledgeFindings(taskDefinition, {
      "AwsSolutions-ECS2":
        description.kind === "web"
          ? "The environment holds only public configuration (public URLs, the Cognito pool and client ids a browser sees anyway, the port); the web apps hold no secret at all."
          : "The environment holds only non-secret configuration (URLs, table prefix, pool and client ids, ports); the database password and the deployment keys arrive through `secrets` from Secrets Manager.",
    });

    // Egress: HTTPS (AWS APIs through endpoints or NAT, Cognito's JWKS) and, for API tasks, Postgres
    // (added by the database's allowConnectionsFrom). Nothing else leaves a task.
    this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
      vpc: props.vpc,
      description: `Landslide ${description.id} tasks`,
      allowAllOutbound: false,
    });
    this.securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to AWS APIs and Cognito");

    this.service = new FargateService(this, "Service", {
      cluster: props.cluster,
      taskDefinition,
      vpcSubnets: subnets,
      securityGroups: [this.securityGroup],
      assignPublicIp: false,
      // A release that cannot become healthy rolls itself back instead of draining the fleet.
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      // No shell into tasks that handle ballots.
      enableExecuteCommand: false,
      ...(description.healthCheckPath ? { healthCheckGracePeriod: Duration.seconds(60) } : {}),
    });
    // No DesiredCount in the template: autoscaling owns it. Otherwise every deployment would reset
    // a fleet scaled to 200 tasks for polls back to the minimum, in the middle of the peak.
    (this.service.node.defaultChild as CfnService).addPropertyDeletionOverride("DesiredCount");

    this.scaling = this.service.autoScaleTaskCount({ minCapacity: sizing.minTasks, maxCapacity: sizing.maxTasks });
    // Out fast, in slowly: a surge of voters arrives in seconds, and leaves over an hour.
    this.scaling.scaleOnCpuUtilization("Cpu", {
      targetUtilizationPercent: sizing.targetCpuPercent,
      scaleOutCooldown: Duration.seconds(60),
      scaleInCooldown: Duration.minutes(5),
    });

    if (description.healthCheckPath && sizing.requestsPerTaskPerMinute !== undefined) {
      const loadBalancerSecurityGroup = new SecurityGroup(this, "LoadBalancerSecurityGroup", {
        vpc: props.vpc,
        description: `Landslide ${description.id} load balancer, reached only by the CloudFront VPC origin`,
        allowAllOutbound: false,
      });
      // CloudFront reaches an internal load balancer through a VPC origin, whose network interfaces
      // sit in this VPC's subnets: admitting the VPC's range admits CloudFront and nothing outside.
      loadBalancerSecurityGroup.addIngressRule(Peer.ipv4(props.vpcCidr), Port.tcp(80), "CloudFront VPC origin");
      this.loadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", {
        vpc: props.vpc,
        internetFacing: false,
        vpcSubnets: subnets,
        securityGroup: loadBalancerSecurityGroup,
        dropInvalidHeaderFields: true,
        deletionProtection: props.deletionProtection,
        // Longer than the SSE heartbeat, so a quiet subscription is not cut between events.
        idleTimeout: Duration.seconds(120),
      });
      if (props.accessLogs) this.loadBalancer.logAccessLogs(props.accessLogs, description.id);
      // HTTP inside the VPC: TLS ends at CloudFront and the VPC origin carries traffic on AWS's
      // private network; the load balancer has no public address to attack.
      const listener = this.loadBalancer.addListener("Http", {
        port: 80,
        protocol: ApplicationProtocol.HTTP,
        open: false,
      });
      this.targetGroup = listener.addTargets("Tasks", {
        port: description.port,
        protocol: ApplicationProtocol.HTTP,
        targets: [this.service],
        deregistrationDelay: Duration.seconds(30),
        healthCheck: {
          path: description.healthCheckPath,
          healthyHttpCodes: "200",
          interval: Duration.seconds(10),
          timeout: Duration.seconds(5),
          healthyThresholdCount: 2,
          unhealthyThresholdCount: 3,
        },
      });
      this.scaling.scaleOnRequestCount("Requests", {
        requestsPerTarget: sizing.requestsPerTaskPerMinute,
        targetGroup: this.targetGroup,
        scaleOutCooldown: Duration.seconds(60),
        scaleInCooldown: Duration.minutes(5),
      });
    }
  }
}
