import type { AppServices } from "../app-services";
import type { VerifiedIdentity } from "../auth/verify-access-token";

/** Records an official's action in the audit trail: who (from the verified token), what, why. */
export function recordAction(
  ctx: { readonly services: AppServices; readonly identity: VerifiedIdentity & { readonly email: string | undefined } },
  action: string,
  electionId: string | undefined,
  reason: string,
  details: Record<string, unknown> = {},
) {
  return ctx.services.auditTrail().record({
    actorSub: ctx.identity.sub,
    actor: ctx.identity.email ?? ctx.identity.username,
    action,
    electionId,
    reason,
    details,
  });
}
