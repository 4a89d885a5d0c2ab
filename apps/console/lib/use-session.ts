"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLandslide } from "../app/providers";

export const OFFICIALS = "officials";
export const OPERATORS = "operators";

/** Who is signed in in this tab, in which groups (for what to show; the API enforces roles itself). */
export function useSession() {
  const client = useLandslide();
  const queries = useQueryClient();
  const session = useQuery({ queryKey: ["session"], queryFn: async () => (await client.auth.profile()) ?? null });
  const groups = session.data?.groups ?? [];
  return {
    signedIn: !!session.data,
    email: session.data?.email,
    loading: session.isPending,
    isOfficial: groups.includes(OFFICIALS),
    isOperator: groups.includes(OPERATORS),
    changed: () => queries.invalidateQueries(),
    signOut: async () => {
      await client.auth.signOut();
      queries.clear();
    },
  };
}
