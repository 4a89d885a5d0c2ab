"use client";

import { SignInForm } from "@landslide/ui/sign-in";
import { signUpRefusalMessage } from "../lib/refusal-messages";

/** Voters sign in, or create an account and confirm it with the e-mailed code, on the ballot's page. */
export function SignInPanel({ onSignedIn }: { onSignedIn: () => void }) {
  return (
    <SignInForm
      heading="Sign in to vote"
      headingLevel={2}
      signUp={{
        heading: "Create an account",
        confirmHeading: "Confirm your e-mail address",
        passwordHint: "At least 8 characters, with upper- and lower-case letters and a digit.",
        describeRefusal: (refusal) => signUpRefusalMessage(refusal.reason, refusal.details, refusal.message),
      }}
      emailAutoComplete="email"
      passwordMinLength={8}
      busyLabel="Please wait…"
      onSignedIn={onSignedIn}
    />
  );
}
