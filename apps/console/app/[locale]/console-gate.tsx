"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, Card, Spinner } from "@landslide/ui/components";
import { SignInForm } from "@landslide/ui/sign-in";
import { useConsoleSession } from "../../lib/use-console-session";

/**
 * Every console page sits behind this: signed out, the sign-in form; signed in without the
 * officials or operators group, a clear refusal; otherwise the page (the header shows the
 * sections, console-nav.tsx).
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const session = useConsoleSession();
  const t = useTranslations("gate");
  if (session.loading) return <Spinner label={t("loading")} />;
  if (!session.signedIn) {
    // Officials' and operators' accounts are created by the election office: sign-in only, no sign-up.
    return (
      <SignInForm
        heading={t("signInHeading")}
        headingLevel={1}
        emailAutoComplete="username"
        busyLabel={t("signingIn")}
        onSignedIn={() => void session.changed()}
      />
    );
  }
  if (!session.isOfficial && !session.isOperator) {
    return (
      <>
        <h1>{t("notOfficialHeading")}</h1>
        <Card>
          <p>
            {t.rich("notOfficialText", { email: session.email ?? "", strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <Button variant="secondary" onClick={() => void session.signOut()}>
            {t("signOut")}
          </Button>
        </Card>
      </>
    );
  }
  return children;
}
