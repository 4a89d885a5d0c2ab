"use client";

import { usePathname } from "next/navigation";
import { PrimaryNav } from "./primary-nav";
import { useConsoleSession } from "../lib/use-console-session";
import { consoleSections } from "./console-sections";

/**
 * The console's sections in the header: only the ones the signed-in account's roles open, and
 * nothing at all before sign-in or for an account without a console role (the gate says why).
 */
export function ConsoleNav() {
  const session = useConsoleSession();
  const path = usePathname();
  if (session.loading || !session.signedIn || (!session.isOfficial && !session.isOperator)) return null;
  return (
    <PrimaryNav
      label="Console"
      items={consoleSections(session, path)}
      account={{ name: session.email ?? "Signed in", onSignOut: () => void session.signOut() }}
    />
  );
}
