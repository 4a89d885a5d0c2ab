"use client";

import type { ReactNode } from "react";
import { Button, Card, Spinner } from "@landslide/ui/components";
import { SignInForm } from "@landslide/ui/sign-in";
import { useConsoleSession } from "../lib/use-console-session";

/**
 * Every console page sits behind this: signed out, the sign-in form; signed in without the
 * officials or operators group, a clear refusal; otherwise the page (the header shows the
 * sections, console-nav.tsx).
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const session = useConsoleSession();
  if (session.loading) return <Spinner label="Loading…" />;
  if (!session.signedIn) {
    // Officials' and operators' accounts are created by the election office: sign-in only, no sign-up.
    return (
      <SignInForm
        heading="Sign in to the console"
        headingLevel={1}
        emailAutoComplete="username"
        busyLabel="Signing in…"
        onSignedIn={() => void session.changed()}
      />
    );
  }
  if (!session.isOfficial && !session.isOperator) {
    return (
      <>
        <h1>This console is for election officials</h1>
        <Card>
          <p>
            You are signed in as <strong>{session.email}</strong>, which is not an official&apos;s or an operator&apos;s
            account. Voters vote on the voter site; ask your election office if you should have access here.
          </p>
          <Button variant="secondary" onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </Card>
      </>
    );
  }
  return children;
}
