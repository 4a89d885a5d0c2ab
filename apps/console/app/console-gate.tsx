"use client";

import Link from "next/link";
import { type FormEvent, type ReactNode, useState } from "react";
import { AuthError } from "@landslide/api/client";
import { useSession } from "../lib/use-session";
import { useLandslide } from "./providers";

/**
 * Every console page sits behind this: signed out, the sign-in form; signed in without the
 * officials or operators group, a clear refusal; otherwise the navigation and the page.
 */
export function ConsoleGate({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.loading) return <p role="status">Loading…</p>;
  if (!session.signedIn) return <SignIn onSignedIn={session.changed} />;
  if (!session.isOfficial && !session.isOperator) {
    return (
      <section className="card" aria-labelledby="refused-heading">
        <h1 id="refused-heading">This console is for election officials</h1>
        <p>
          You are signed in as <strong>{session.email}</strong>, which is not an official&apos;s or an operator&apos;s account. Voters vote on the voter site;
          ask your election office if you should have access here.
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

/** Officials' and operators' accounts are created by the election office: sign-in only, no sign-up. */
function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const client = useLandslide();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await client.auth.signIn(email, password);
      onSignedIn();
    } catch (failure) {
      setError(failure instanceof AuthError ? failure.message : "Something went wrong; please try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in to the console</h1>
      <form onSubmit={submit} noValidate>
        <p>
          <label htmlFor="email">E-mail address</label>
          <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </p>
        <p>
          <label htmlFor="password">Password</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </p>
        {error ? (
          <p role="alert" className="notice">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </section>
  );
}
