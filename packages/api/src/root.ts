import { electionsRouter } from "./router/elections";
import { humanCheckRouter } from "./router/human-check";
import { mailRouter } from "./router/mail";
import { officialRouter } from "./router/official";
import { operatorRouter } from "./router/operator";
import { publicAuditRouter } from "./router/public-audit";
import { receiptsRouter } from "./router/receipts";
import { resultsRouter } from "./router/results";
import { signUpRouter } from "./router/sign-up";
import { voterRouter } from "./router/voter";
import { createTRPCRouter } from "./trpc";

/** Every procedure of Landslide; each service mounts the part it serves. */
export const appRouter = createTRPCRouter({
  elections: electionsRouter,
  results: resultsRouter,
  receipts: receiptsRouter,
  humanCheck: humanCheckRouter,
  voter: voterRouter,
  official: officialRouter,
  operator: operatorRouter,
  audit: publicAuditRouter,
  signUp: signUpRouter,
  mail: mailRouter,
});

export type AppRouter = typeof appRouter;

/** The routers of each service (docs/design.md §6). */
export const serviceRouters = {
  "vote-api": createTRPCRouter({
    elections: electionsRouter,
    receipts: receiptsRouter,
    humanCheck: humanCheckRouter,
    voter: voterRouter,
    signUp: signUpRouter,
  }),
  "control-api": createTRPCRouter({
    elections: electionsRouter,
    official: officialRouter,
    operator: operatorRouter,
    mail: mailRouter,
  }),
  results: createTRPCRouter({ elections: electionsRouter, results: resultsRouter, audit: publicAuditRouter }),
} as const;

/** What each service answers: a client of one service is typed with its router, so a procedure another service serves does not compile. */
export type VoteApiRouter = (typeof serviceRouters)["vote-api"];
export type ControlApiRouter = (typeof serviceRouters)["control-api"];
export type ResultsRouter = (typeof serviceRouters)["results"];
