"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLandslide } from "../app/providers";

/** Whether this tab holds a session, and a way to say it changed. */
export function useSession() {
  const client = useLandslide();
  const queries = useQueryClient();
  const session = useQuery({ queryKey: ["session"], queryFn: async () => (await client.auth.profile()) ?? null });
  return {
    signedIn: !!session.data,
    email: session.data?.email,
    loading: session.isPending,
    changed: () => queries.invalidateQueries(),
    signOut: async () => {
      await client.auth.signOut();
      queries.clear();
    },
  };
}
