import { TRPCClientError } from "@trpc/client";

/** What the API said when it refused a call: a stable reason, a message for people, and when to retry. */
export interface ApiRefusal {
  readonly reason: string;
  readonly message: string;
  readonly httpStatus: number | undefined;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The refusal inside an error thrown by a Landslide client call; undefined when the call never got an answer (offline, timeout). */
export function refusalOf(error: unknown): ApiRefusal | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data = error.data as { reason?: string; httpStatus?: number; details?: Record<string, unknown> } | undefined;
  if (!data?.reason) return undefined;
  return {
    reason: data.reason,
    message: error.message,
    httpStatus: data.httpStatus,
    ...(data.details ? { details: data.details } : {}),
  };
}
