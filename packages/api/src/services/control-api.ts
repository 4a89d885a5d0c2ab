import { createAppServices, type AppServices } from "../app-services";
import { electionRoutes } from "../http/election-routes";
import { oneClickUnsubscribe } from "../http/one-click-unsubscribe";
import { firstMatching } from "../http/service-server";
import { trpcRoutes } from "../http/trpc-routes";
import { startDeliveryEvents } from "../mail/delivery-events";
import { startNotifier } from "../mail/notifier";
import { serviceRouters } from "../root";
import { runService } from "./run-service";
import type { Dependencies } from "./dependencies";
import type { Logger } from "../logger";
import type { Metrics } from "../http/metrics";

// The routes and the mail worker share one set of services (one SES client, one key file read).
let services: AppServices | undefined;
const servicesOf = (deps: Dependencies, metrics: Metrics, logger: Logger) =>
  (services ??= createAppServices(deps, metrics, logger));

// Elections, voter rolls, fraud review, certification, audit and the mail to voters: scales with officials.
await runService({
  name: "control-api",
  port: (config) => config.ports.controlApi,
  readiness: (deps) => ({
    postgres: deps.checks.postgres(),
    dynamodb: deps.checks.dynamodb(deps.tables.votes),
    cognito: deps.checks.cognito(),
    ses: deps.checks.ses(),
  }),
  routes: (deps, logger, metrics) =>
    firstMatching(
      electionRoutes(deps),
      oneClickUnsubscribe(servicesOf(deps, metrics, logger)),
      trpcRoutes(serviceRouters["control-api"], servicesOf(deps, metrics, logger), logger),
    ),
  background: (deps, logger, metrics) => {
    const app = servicesOf(deps, metrics, logger);
    const repository = app.repository();
    const events = app.mail.deliveryEvents
      ? startDeliveryEvents(app.mail.deliveryEvents, app.mail.queue(), logger.child({ part: "mail-events" }))
      : undefined;
    const notifier = startNotifier({
      queue: app.mail.queue(),
      mailer: app.mail.mailer(),
      roll: app.voterRoll,
      elections: () => repository.list(),
      election: (id) => repository.get(id),
      hasVoted: app.mail.hasVoted,
      tokens: app.mail.tokens(),
      urls: app.mail.urls,
      sendRate: app.mail.sendRate,
      now: () => app.clock.now(),
      logger: logger.child({ part: "mail" }),
    });
    return {
      stop: async () => {
        await Promise.all([notifier.stop(), events?.stop()]);
      },
    };
  },
});
