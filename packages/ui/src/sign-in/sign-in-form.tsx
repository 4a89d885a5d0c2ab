"use client";

import { type FormEvent, useState } from "react";
import type { ApiRefusal } from "@landslide/api/client";
import { useLandslide } from "../client/landslide-client-context";
import type { UiText } from "../text/ui-text";
import { useUiText } from "../text/ui-text-context";
import { signInFailureMessage, type SignInStep, stepAfterFailure, submitLabelKeys, submitStep } from "./sign-in-steps";

/** The words of sign-up, on a site that offers it. */
export interface SignUpWords {
  readonly heading: string;
  readonly confirmHeading: string;
  readonly passwordHint: string;
  /** A refused sign-up ticket (too many sign-ups, a failed check) in the site's words. */
  readonly describeRefusal: (refusal: ApiRefusal) => string;
}

export interface SignInFormProps {
  readonly heading: string;
  /** 1 where the form is the whole page (the console's gate), 2 where it sits under the page's title. */
  readonly headingLevel: 1 | 2;
  /** Absent where accounts are made by the election office (the console): sign-in only. */
  readonly signUp?: SignUpWords;
  readonly emailAutoComplete: "email" | "username";
  readonly passwordMinLength?: number;
  readonly busyLabel: string;
  readonly onSignedIn: () => void;
}

/** Sign in (and, where offered, create an account and confirm it with the e-mailed code) without leaving the page. */
export function SignInForm({
  heading,
  headingLevel,
  signUp,
  emailAutoComplete,
  passwordMinLength,
  busyLabel,
  onSignedIn,
}: SignInFormProps) {
  const client = useLandslide();
  const text = useUiText();
  const [step, setStep] = useState<SignInStep>("sign-in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(undefined);
    setBusy(true);
    try {
      const next = await submitStep(step, { email, password, code }, client.auth);
      if (next === "confirm") setStep("confirm");
      else onSignedIn();
    } catch (failure) {
      if (signUp) setStep(stepAfterFailure(step, failure));
      setError(signInFailureMessage(failure, signUp?.describeRefusal, text));
    } finally {
      setBusy(false);
    }
  };

  const Heading = headingLevel === 1 ? "h1" : "h2";
  const headings: Record<SignInStep, string> = {
    "sign-in": heading,
    "sign-up": signUp?.heading ?? heading,
    confirm: signUp?.confirmHeading ?? heading,
  };
  const signingUp = step === "sign-up";
  return (
    <section className="card" aria-labelledby="sign-in-heading">
      <Heading id="sign-in-heading">{headings[step]}</Heading>
      {step === "confirm" ? <p>{text.say("signInCodeSent", { email })}</p> : null}
      <form onSubmit={submit} noValidate>
        {step !== "confirm" ? (
          <>
            <p>
              <label htmlFor="email">{text.say("signInEmail")}</label>
              <input
                id="email"
                type="email"
                autoComplete={emailAutoComplete}
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </p>
            <p>
              <label htmlFor="password">{text.say("signInPassword")}</label>
              <input
                id="password"
                type="password"
                autoComplete={signingUp ? "new-password" : "current-password"}
                required
                minLength={passwordMinLength}
                aria-describedby={signingUp ? "password-hint" : undefined}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              {signingUp && signUp ? (
                <span id="password-hint" className="muted">
                  {signUp.passwordHint}
                </span>
              ) : null}
            </p>
          </>
        ) : (
          <p>
            <label htmlFor="code">{text.say("signInCode")}</label>
            <input
              id="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </p>
        )}
        {error ? (
          <p role="alert" className="notice">
            {error}
          </p>
        ) : null}
        {/* Busy, not disabled: a disabled button loses focus, and a refusal would leave the keyboard at the top of the page. */}
        <button type="submit" aria-disabled={busy} aria-busy={busy}>
          {busy ? busyLabel : text.say(submitLabelKeys[step])}
        </button>
      </form>
      {signUp ? <StepSwitch step={step} onSwitch={setStep} text={text} /> : null}
    </section>
  );
}

/** From signing in to creating an account, and back. */
function StepSwitch({
  step,
  onSwitch,
  text,
}: {
  step: SignInStep;
  onSwitch: (step: SignInStep) => void;
  text: UiText;
}) {
  if (step === "sign-in") {
    return (
      <p>
        {text.say("newHere")}{" "}
        <button type="button" className="link" onClick={() => onSwitch("sign-up")}>
          {text.say("createAccount")}
        </button>
      </p>
    );
  }
  return (
    <p>
      <button type="button" className="link" onClick={() => onSwitch("sign-in")}>
        {text.say("haveAccount")}
      </button>
    </p>
  );
}
