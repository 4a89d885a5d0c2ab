"use client";

import { useSession } from "@landslide/ui/session";
import { rolesOf } from "./roles";

/** Who is signed in in this tab, and which of the console's roles their groups give. */
export function useConsoleSession() {
  const session = useSession();
  return { ...session, ...rolesOf(session.groups) };
}
