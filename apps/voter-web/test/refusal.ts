import { TRPCClientError } from "@trpc/client";

/** An error as a Landslide client call throws it when the API refused, with the API's reason and details. */
export function apiRefusal(
  reason: string,
  message = "Refused.",
  details?: Record<string, unknown>,
): TRPCClientError<never> {
  return TRPCClientError.from({ error: { message, code: -32600, data: { reason, ...(details ? { details } : {}) } } });
}
