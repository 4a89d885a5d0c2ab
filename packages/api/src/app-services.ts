import { readKeyFile, nodeEntropy, nodeKeys, nodeRecordVerifier } from "@landslide/vote-engine/node-crypto";
import {
  DynamoDbDeviceStore,
  DynamoDbElectionCopies,
  DynamoDbNetworkLists,
  DynamoDbNonceStore,
  DynamoDbRateCounter,
  DynamoDbTallyStore,
  DynamoDbVoterRoll,
  DynamoDbVoteStore,
} from "@landslide/vote-engine/dynamodb";
import type { HumanCheck } from "./human-check/human-check";
import { ProofOfWorkCheck } from "./human-check/proof-of-work";
import { LoadGauge } from "./human-check/load-gauge";
import { promiseCache } from "./promise-cache";
import { SiteverifyCheck } from "./human-check/siteverify";
import { networkRanges } from "./risk/network-ranges";
import { NetworkReputation } from "./risk/network-reputation";
import { BallotConcentration } from "./risk/ballot-concentration";
import { RateLimiter } from "./guards/rate-limit";
import { DeviceTokens } from "./device/device-token";
import { PasskeyRelyingParty } from "./device/passkeys";
import type { Logger } from "./logger";
import {
  AuditTrail,
  ElectionsRepository,
  FraudCasesRepository,
  MailQueue,
  PostgresAuditLog,
} from "@landslide/vote-engine/postgres";
import { createCognitoClient } from "@landslide/vote-engine/cognito";
import { SesMailer } from "@landslide/vote-engine/ses";
import { SqsDeliveryEvents } from "@landslide/vote-engine/sqs";
import { UnsubscribeTokens } from "./mail/unsubscribe-token";
import { votedCheck } from "./mail/has-voted";
import { epochSealer } from "./aggregator/epoch-sealer";
import { freshElections } from "./voting/fresh-elections";
import { electionPublisher } from "./elections/publish-election";
import { publishBundle } from "./audit/publish-bundle";
import { receiptStanding } from "./audit/receipt-standing";
import {
  type AuditBundle,
  type Election,
  ELECTION_READ_MAX_AGE_MS,
  type RecordVerifier,
  type Recount,
  recount,
  systemClock,
  type VoteStore,
} from "@landslide/vote-engine";
import { createAccessTokenVerifier, createIdTokenVerifier, poolKeys } from "./auth/verify-access-token";
import { LiveResults } from "./results/live-results";
import type { Dependencies } from "./services/dependencies";
import type { Metrics } from "./http/metrics";
import { required } from "@landslide/config";
import { createSignUpServices } from "./sign-up/sign-up-services";

/**
 * How often each task reads an election's copy again while it is used (in the background: casts
 * go on with the copy they have). Well under ELECTION_READ_MAX_AGE_MS, so a refresh has the rest
 * of that to answer before any cast waits for one.
 */
const ELECTION_REFRESH_MS = 300;
/** A closed election's recount is read by many and costs a scan of its votes: kept this long. */
const FINAL_CACHE_MS = 60_000;

/** Everything a procedure may use, built once per process from its dependencies. */
export function createAppServices(deps: Dependencies, metrics: Metrics, logger: Logger) {
  const { config } = deps;
  const badIpRanges = networkRanges(config.risk.badIpRanges);
  const networkLists = new DynamoDbNetworkLists(deps.dynamodb, deps.tables["network-lists"]);
  const networkReputation = new NetworkReputation(networkLists, { refreshMs: config.networkListsRefreshMs, logger });
  /** Configured as bad, or in an imported list of networks known for abuse. */
  const isBadAddress = (ip: string) => badIpRanges.has(ip) || networkReputation.has("abuse", ip);
  const repository = () => new ElectionsRepository(deps.controlPlane().db);
  const clientIds = [config.cognito.voterClientId, config.cognito.consoleClientId, config.cognito.cliClientId].filter(
    (id): id is string => !!id,
  );
  let material: ReturnType<typeof readKeyFile> | undefined;
  let keys: ReturnType<typeof nodeKeys> | undefined;
  let humanCheck: HumanCheck | undefined;
  let deviceTokens: DeviceTokens | undefined;
  let passkeys: PasskeyRelyingParty | undefined;
  const keyMaterial = () => (material ??= readKeyFile(config.keysFile));
  const tallies = new DynamoDbTallyStore(deps.dynamodb, { tallies: deps.tables.tallies }, config.aws.tallyShards);
  const nonces = new DynamoDbNonceStore(deps.dynamodb, deps.tables.nonces);
  const votes: VoteStore = new DynamoDbVoteStore(deps.dynamodb, deps.tables.votes);
  const electionCopies = new DynamoDbElectionCopies(deps.dynamodb, deps.tables.elections);
  const cachedRecount = promiseCache<Recount>(FINAL_CACHE_MS);
  const recountElection = (election: Election) =>
    recount(election, votes.scan(election.id), { verify: verifyRecord(), sha256: nodeEntropy.sha256 });
  const cachedBundle = promiseCache<AuditBundle>(FINAL_CACHE_MS);
  const auditLog = () => new PostgresAuditLog(deps.controlPlane().db, nodeEntropy.sha256);
  const tokenAudience = {
    issuer: deps.issuer(),
    clientIds:
      clientIds.length > 0
        ? clientIds
        : [
            required<string>(
              undefined,
              "LANDSLIDE_COGNITO_VOTER_CLIENT_ID",
              "the app client ids printed by provisioning",
            ),
          ],
  };
  const poolSigningKeys = poolKeys(tokenAudience.issuer);
  let recordVerifier: RecordVerifier | undefined;
  const deploymentKeys = () => (keys ??= nodeKeys(keyMaterial()));
  const verifyRecord = () => (recordVerifier ??= nodeRecordVerifier([deploymentKeys().receiptPublicKey]));
  /** Proof of work costs more from addresses the risk layer already doubts (enforced)... */
  const difficulty = (remoteIp: string) => config.challengeMaxNumber * (isBadAddress(remoteIp) ? 4 : 1);
  /** ...and, when issued, while this task takes more casts than it is sized for (asked, not enforced: a challenge issued calm stays valid). */
  const castLoad = new LoadGauge();
  const issueDifficulty = (remoteIp: string) =>
    difficulty(remoteIp) * (castLoad.perSecond() > config.challengeLoadCastsPerSecond ? 2 : 1);
  const humanCheckFromConfig = (): HumanCheck => {
    const chosen = config.humanCheck;
    if (chosen.kind === "siteverify") {
      return new SiteverifyCheck({
        verifyUrl: chosen.verifyUrl,
        siteKey: required(chosen.siteKey, "LANDSLIDE_SITEVERIFY_SITE_KEY", "the site key of the hosted human check"),
        secret: required(chosen.secret, "LANDSLIDE_SITEVERIFY_SECRET", "the secret key of the hosted human check"),
      });
    }
    return new ProofOfWorkCheck({
      secret: keyMaterial().voterKeySecret,
      nonces,
      clock: systemClock,
      difficulty,
      issueDifficulty,
    });
  };
  let mailer: SesMailer | undefined;
  let unsubscribeTokens: UnsubscribeTokens | undefined;
  let hasVoted: ReturnType<typeof votedCheck> | undefined;
  const mail = {
    queue: () => new MailQueue(deps.controlPlane().db),
    /** Amazon SES v2 (locally the SES server the launcher started). */
    mailer: () =>
      (mailer ??= new SesMailer({
        region: config.aws.region,
        endpoint: config.mail.sesEndpoint,
        from: config.mail.from,
        configurationSet: config.mail.configurationSet,
      })),
    tokens: () => (unsubscribeTokens ??= new UnsubscribeTokens(keyMaterial().voterKeySecret)),
    /** Whether the person behind an address has voted: reminders only, never stored. */
    hasVoted: (electionId: string, email: string) =>
      (hasVoted ??= votedCheck({
        cognito: createCognitoClient({ region: config.aws.region, endpoint: config.aws.cognitoEndpoint }),
        userPoolId: required(
          config.cognito.userPoolId,
          "LANDSLIDE_COGNITO_USER_POOL_ID",
          "the user pool id printed by provisioning",
        ),
        keys: deploymentKeys,
        votes,
      }))(electionId, email),
    sendRate: config.mail.sendRate,
    /** SES's reports of what became of each message, where the deployment routes them (SQS). */
    deliveryEvents: config.mail.eventsQueueUrl
      ? new SqsDeliveryEvents(config.mail.eventsQueueUrl, config.aws.region)
      : undefined,
    urls: { voterWeb: config.urls.voterWeb, controlApi: config.urls.controlApi },
  };
  return {
    metrics,
    logger,
    /** E-mail to voters: the queue, SES, unsubscribe links. */
    mail,
    /** Where clients reach this API: device proofs name it. */
    publicUrl: config.urls.voteApi,
    /** Proxies whose X-Forwarded-For is believed (http/client-address.ts). */
    trustedProxies: config.trustedProxies,
    sseStreamsPerClient: config.sseStreamsPerClient,
    nonces,
    devices: new DynamoDbDeviceStore(deps.dynamodb, deps.tables.devices),
    clock: systemClock,
    entropy: nodeEntropy,
    /** Loaded on first use: only the vote API signs receipts. */
    keys: deploymentKeys,
    humanCheck: () => (humanCheck ??= humanCheckFromConfig()),
    deviceTokens: () => (deviceTokens ??= new DeviceTokens(keyMaterial().voterKeySecret)),
    /** Voters' passkeys: registering them, and checking the assertion a cast carries. */
    passkeys: () => (passkeys ??= new PasskeyRelyingParty(keyMaterial().voterKeySecret, config.passkeys)),
    isBadAddress,
    /** Imported network lists (threat feeds), refreshed in the background (`election threats import`). */
    networkLists,
    networkReputation,
    castLoad,
    /** Same-answer groups per address block over the last minutes: the COORDINATED_BALLOT signal. */
    ballotConcentration: new BallotConcentration(),
    riskPolicy: config.risk,
    /**
     * The data plane's copies, never the control-plane database: voting and public results go on
     * through an outage of it. Each copy knows when it was read: casts refuse to be judged by one
     * that may have missed a pause or close.
     */
    elections: freshElections((id) => electionCopies.get(id), {
      refreshMs: ELECTION_REFRESH_MS,
      maxAgeMs: ELECTION_READ_MAX_AGE_MS,
    }),
    /** The control plane: officials' reads and every change, which `publisher` then sends to the data plane. */
    repository,
    publisher: electionPublisher({ copies: electionCopies, repository, clock: systemClock }),
    auditTrail: () => new AuditTrail(deps.controlPlane().db),
    fraudCases: () => new FraudCasesRepository(deps.controlPlane().db),
    auditLog,
    receiptStanding: (receiptId: string) =>
      receiptStanding(
        {
          log: auditLog(),
          fraudCases: new FraudCasesRepository(deps.controlPlane().db),
          auditTrail: new AuditTrail(deps.controlPlane().db),
        },
        receiptId,
      ),
    /** A closed election's published audit bundle; built once a minute at most (it reads every vote). */
    auditBundle: (election: Election) =>
      cachedBundle(election.id, async () => {
        const bundle = await publishBundle(
          {
            log: auditLog(),
            sealer: epochSealer(deps),
            votes,
            keys: deploymentKeys(),
            verify: verifyRecord(),
            sha256: nodeEntropy.sha256,
            now: () => systemClock.now(),
          },
          election,
        );
        // The first bundle published is kept, write-once, beside the epochs it contains.
        await deps.auditArchive().putBundle(bundle);
        return bundle;
      }),
    /** Checks a stored vote's signature against the deployment's receipt key: unsigned rows are no ballots. */
    verifyRecord,
    /** Where the operator views find the other services of the deployment. */
    serviceUrls: config.urls,
    /** Where the operator views read each service's metrics: their own listeners, not the public ports. */
    metricsUrls: config.metrics.urls,
    deployment: {
      stack: config.stack,
      region: config.aws.region,
      tablePrefix: config.aws.tablePrefix,
      tallyShards: config.aws.tallyShards,
    },
    humanCheckKind: config.humanCheck.kind,
    votes,
    voterRoll: new DynamoDbVoterRoll(deps.dynamodb, deps.tables["voter-rolls"]),
    tallies,
    castLimiter: new RateLimiter(
      new DynamoDbRateCounter(deps.dynamodb, deps.tables.nonces),
      [
        { scope: "ip", limit: config.castLimits.perIpBlockPerMinute, windowSeconds: 60, shared: true },
        { scope: "account", limit: config.castLimits.perAccountPerMinute, windowSeconds: 60, shared: false },
        { scope: "device", limit: config.castLimits.perDevicePerMinute, windowSeconds: 60, shared: false },
      ],
      // A network's single cast in a window stays in this task: a cast is one write, not two (rate-limit.ts).
      {
        reportEveryMs: 1000,
        reportFrom: 2,
        onReportError: (error) =>
          logger.warn({ err: error }, "reporting rate-limit counts failed; they go with the next report"),
      },
    ),
    liveResults: new LiveResults(tallies, systemClock),
    /** The exact result from every stored vote the vote API signed, each question counted by its method. */
    recountElection,
    /** The same, at most once a minute per election: what the public final results read. */
    finalCounts: (election: Election) => cachedRecount(election.id, () => recountElection(election)),
    verifyAccessToken: createAccessTokenVerifier(tokenAudience, poolSigningKeys),
    /** Sign-up tickets: their key, their own human check and rate limits (the vote API only). */
    signUp: createSignUpServices(deps, {
      nonces,
      humanCheck: () => (humanCheck ??= humanCheckFromConfig()),
      keyMaterial,
      difficulty,
      logger,
    }),
    verifiedEmail: createIdTokenVerifier(tokenAudience, poolSigningKeys),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
