"use client";

import { useTranslations } from "next-intl";
import { SignInForm } from "@landslide/ui/sign-in";
import { signUpRefusalMessage } from "../../lib/refusal-messages";

/** Voters sign in, or create an account and confirm it with the e-mailed code, on the ballot's page. */
export function SignInPanel({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useTranslations();
  return (
    <SignInForm
      heading={t("signIn.heading")}
      headingLevel={2}
      signUp={{
        heading: t("signIn.signUpHeading"),
        confirmHeading: t("signIn.confirmHeading"),
        passwordHint: t("signIn.passwordHint"),
        describeRefusal: (refusal) => signUpRefusalMessage(refusal.reason, refusal.details, refusal.message, t),
      }}
      emailAutoComplete="email"
      passwordMinLength={8}
      busyLabel={t("signIn.busy")}
      onSignedIn={onSignedIn}
    />
  );
}
