"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { SignInForm } from "@landslide/ui/sign-in";
import { useConsoleSession } from "../lib/use-console-session";

/**
 * Every console page sits behind this: signed out, the sign-in form; signed in without the
 * officials or operators group, a clear refusal; otherwise the navigation and the page.
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const session = useConsoleSession();
  if (session.loading) return <p role="status">Loading…</p>;
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
      <section className="card" aria-labelledby="refused-heading">
        <h1 id="refused-heading">This console is for election officials</h1>
        <p>
          You are signed in as <strong>{session.email}</strong>, which is not an official&apos;s or an operator&apos;s
          account. Voters vote on the voter site; ask your election office if you should have access here.
        </p>
        <button type="button" onClick={() => void session.signOut()}>
          Sign out
        </button>
      </section>
    );
  }
  return (
    <>
      <nav aria-label="Console" className="console-nav">
        <ul>
          {session.isOfficial ? (
            <>
              <li>
                <Link href="/">Elections</Link>
              </li>
              <li>
                <Link href="/audit">Audit trail</Link>
              </li>
            </>
          ) : null}
          {session.isOperator ? (
            <li>
              <Link href="/operations">Operations</Link>
            </li>
          ) : null}
        </ul>
        <p>
          {session.email}{" "}
          <button type="button" className="link" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </p>
      </nav>
      {children}
    </>
  );
}
