"use client";

import { type FormEvent, useState } from "react";
import { AuthError, refusalOf } from "@landslide/api/client";
import { signUpRefusalMessage } from "../lib/refusal-messages";
import { useLandslide } from "./providers";

type Mode = "sign-in" | "sign-up" | "confirm";

/** Cognito's refusals come as AuthError; a refused sign-up ticket (too many sign-ups, a failed check) as the API's refusal. */
function messageOf(failure: unknown): string {
  if (failure instanceof AuthError) return failure.message;
  const refusal = refusalOf(failure);
  if (refusal) return signUpRefusalMessage(refusal.reason, refusal.details, refusal.message);
  return "Something went wrong; please try again.";
}

/** Sign in, create an account, or confirm one with the e-mailed code, without leaving the page. */
export function SignInPanel({ onSignedIn }: { onSignedIn: () => void }) {
  const client = useLandslide();
  const [mode, setMode] = useState<Mode>("sign-in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      if (mode === "sign-up") {
        const { confirmed } = await client.auth.signUp(email, password);
        if (!confirmed) {
          setMode("confirm");
          return;
        }
      }
      if (mode === "confirm") await client.auth.confirmSignUp(email, code.trim());
      await client.auth.signIn(email, password);
      onSignedIn();
    } catch (failure) {
      if (failure instanceof AuthError && failure.reason === "NOT_CONFIRMED") setMode("confirm");
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const heading = { "sign-in": "Sign in to vote", "sign-up": "Create an account", confirm: "Confirm your e-mail address" }[mode];
  return (
    <section className="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{heading}</h2>
      {mode === "confirm" ? <p>We sent a six-digit code to {email}. Enter it below.</p> : null}
      <form onSubmit={submit} noValidate>
        {mode !== "confirm" ? (
          <>
            <p>
              <label htmlFor="email">E-mail address</label>
              <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </p>
            <p>
              <label htmlFor="password">Password</label>
              <input
                id="password"
                type="password"
                autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
                required
                minLength={8}
                aria-describedby={mode === "sign-up" ? "password-hint" : undefined}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              {mode === "sign-up" ? (
                <span id="password-hint" className="muted">
                  At least 8 characters, with upper- and lower-case letters and a digit.
                </span>
              ) : null}
            </p>
          </>
        ) : (
          <p>
            <label htmlFor="code">Confirmation code</label>
            <input id="code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.target.value)} />
          </p>
        )}
        {error ? (
          <p role="alert" className="notice">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? "Please wait…" : { "sign-in": "Sign in", "sign-up": "Create account", confirm: "Confirm and sign in" }[mode]}
        </button>
      </form>
      {mode === "sign-in" ? (
        <p>
          New here?{" "}
          <button type="button" className="link" onClick={() => setMode("sign-up")}>
            Create an account
          </button>
        </p>
      ) : (
        <p>
          <button type="button" className="link" onClick={() => setMode("sign-in")}>
            I already have an account
          </button>
        </p>
      )}
    </section>
  );
}
