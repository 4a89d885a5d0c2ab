"use client";

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import type { LandslideClient } from "@landslide/api/client";
import { useLandslide } from "../client/landslide-client-context";

/**
 * Who is signed in, read from the tokens this tab holds (Cognito's, not a service's: the one query
 * whose key is not a tRPC procedure's).
 */
export const sessionQuery = (client: LandslideClient) =>
  queryOptions({
    queryKey: ["landslide", "session"] as const,
    queryFn: async () => (await client.auth.profile()) ?? null,
  });

export interface Session {
  readonly signedIn: boolean;
  readonly email: string | undefined;
  /** The Cognito groups of the account, for what to show; the API enforces roles itself. */
  readonly groups: readonly string[];
  readonly loading: boolean;
  /** After signing in: every query is read again, now with the session. */
  readonly changed: () => Promise<void>;
  /** Ends the session and forgets everything read with it. */
  readonly signOut: () => Promise<void>;
}

const NO_GROUPS: readonly string[] = [];

/** Whether this tab holds a session, and a way to say it changed. */
export function useSession(): Session {
  const client = useLandslide();
  const queries = useQueryClient();
  const session = useQuery(sessionQuery(client));
  return {
    signedIn: !!session.data,
    email: session.data?.email,
    groups: session.data?.groups ?? NO_GROUPS,
    loading: session.isPending,
    changed: () => queries.invalidateQueries(),
    signOut: async () => {
      await client.auth.signOut();
      queries.clear();
    },
  };
}
