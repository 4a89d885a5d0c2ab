import { createTRPCRouter } from "../trpc";
import { auditRouter } from "./audit";
import { fraudReviewRouter } from "./fraud-review";
import { officialElectionsRouter } from "./official-elections";
import { officialNotificationsRouter } from "./official-notifications";
import { voterRollRouter } from "./voter-roll";

/** Everything officials do, behind the `officials` group. */
export const officialRouter = createTRPCRouter({
  elections: officialElectionsRouter,
  voterRoll: voterRollRouter,
  fraud: fraudReviewRouter,
  audit: auditRouter,
  notifications: officialNotificationsRouter,
});
