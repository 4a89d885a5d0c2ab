"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLandslide } from "../app/providers";

/** Whether this tab holds a session, and a way to say it changed. */
export function useSession() {
  const client = useLandslide();
  const queries = useQueryClient();
  const session = useQuery({ queryKey: ["session"], queryFn: () => client.auth.isSignedIn() });
  return {
    signedIn: session.data === true,
    loading: session.isPending,
    changed: () => queries.invalidateQueries(),
  };
}
