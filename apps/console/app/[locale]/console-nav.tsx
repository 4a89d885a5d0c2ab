"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "@landslide/ui/i18n/navigation";
import { PrimaryNav } from "./primary-nav";
import { useConsoleSession } from "../../lib/use-console-session";
import { consoleSections } from "./console-sections";

/**
 * The console's sections in the header: only the ones the signed-in account's roles open, and
 * nothing at all before sign-in or for an account without a console role (the gate says why).
 */
export function ConsoleNav() {
  const session = useConsoleSession();
  // The address without its language ("/elections/…"): the sections are the same in every language.
  const path = usePathname();
  const t = useTranslations();
  if (session.loading || !session.signedIn || (!session.isOfficial && !session.isOperator)) return null;
  return (
    <PrimaryNav
      label={t("shell.navLabel")}
      items={consoleSections(session, path, t)}
      account={{ name: session.email ?? t("shell.signedIn"), onSignOut: () => void session.signOut() }}
    />
  );
}
