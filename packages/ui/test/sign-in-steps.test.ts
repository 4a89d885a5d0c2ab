import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { AuthError } from "@landslide/api/client";
import {
  type CredentialsAuth,
  SIGN_IN_FALLBACK,
  signInFailureMessage,
  stepAfterFailure,
  submitStep,
} from "../src/sign-in/sign-in-steps";

/** Records the calls the form makes, in order; sign-up confirms at once or not, as told. */
function fakeAuth(confirmedOnSignUp: boolean) {
  const calls: string[] = [];
  const auth: CredentialsAuth = {
    signUp: async (email) => {
      calls.push(`signUp ${email}`);
      return { confirmed: confirmedOnSignUp };
    },
    confirmSignUp: async (email, code) => {
      calls.push(`confirm ${email} ${code}`);
    },
    signIn: async (email) => {
      calls.push(`signIn ${email}`);
    },
  };
  return { auth, calls };
}

const credentials = { email: "ada@example.org", password: "Correct-horse-1", code: " 123456 " };

describe("one submit of the sign-in form", () => {
  it("signs in straight away at the sign-in step", async () => {
    const { auth, calls } = fakeAuth(true);
    expect(await submitStep("sign-in", credentials, auth)).toBe("signed-in");
    expect(calls).toEqual(["signIn ada@example.org"]);
  });

  it("asks for the e-mailed code after a sign-up that needs confirming, without signing in", async () => {
    const { auth, calls } = fakeAuth(false);
    expect(await submitStep("sign-up", credentials, auth)).toBe("confirm");
    expect(calls).toEqual(["signUp ada@example.org"]);
  });

  it("signs in after a sign-up confirmed at once", async () => {
    const { auth, calls } = fakeAuth(true);
    expect(await submitStep("sign-up", credentials, auth)).toBe("signed-in");
    expect(calls).toEqual(["signUp ada@example.org", "signIn ada@example.org"]);
  });

  it("confirms the code as typed but trimmed, then signs in", async () => {
    const { auth, calls } = fakeAuth(false);
    expect(await submitStep("confirm", credentials, auth)).toBe("signed-in");
    expect(calls).toEqual(["confirm ada@example.org 123456", "signIn ada@example.org"]);
  });
});

describe("after a failed submit", () => {
  it("goes to the code step for an account never confirmed, and stays put otherwise", () => {
    expect(stepAfterFailure("sign-in", new AuthError("NOT_CONFIRMED", "Confirm your e-mail address"))).toBe("confirm");
    expect(
      stepAfterFailure("sign-in", new AuthError("INVALID_CREDENTIALS", "The e-mail address or password is not right.")),
    ).toBe("sign-in");
    expect(stepAfterFailure("sign-up", new Error("offline"))).toBe("sign-up");
  });

  it("says Cognito's words, the site's words for an API refusal, and a plain sentence for anything else", () => {
    const refused = TRPCClientError.from({
      error: { message: "Too many", code: -32600, data: { reason: "RATE_LIMITED", details: { scope: "device" } } },
    });
    const describe = (refusal: { reason: string; details?: Readonly<Record<string, unknown>> }) =>
      `${refusal.reason} from ${String(refusal.details?.scope)}`;
    expect(signInFailureMessage(new AuthError("WEAK_PASSWORD", "Choose a longer password."), describe)).toBe(
      "Choose a longer password.",
    );
    expect(signInFailureMessage(refused, describe)).toBe("RATE_LIMITED from device");
    expect(signInFailureMessage(new TypeError("fetch failed"), describe)).toBe(SIGN_IN_FALLBACK);
    // A sign-in-only form has no words for refusals: the plain sentence.
    expect(signInFailureMessage(refused)).toBe(SIGN_IN_FALLBACK);
  });
});
