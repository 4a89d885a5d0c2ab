import { type ApiRefusal, AuthError, refusalOf } from "@landslide/api/client";
import { englishUiText, type UiKey, type UiText } from "../text/ui-text";

/**
 * The sign-in form's steps, as plain functions (tested without a browser). A form that offers
 * sign-up goes sign-up → confirm (the e-mailed code) → signed in; sign-in alone is one step.
 */
export type SignInStep = "sign-in" | "sign-up" | "confirm";

/** Each step's submit button, as keys of the site's words. */
export const submitLabelKeys = {
  "sign-in": "signInSubmit",
  "sign-up": "signUpSubmit",
  confirm: "confirmSubmit",
} as const satisfies Readonly<Record<SignInStep, UiKey>>;

/** Each step's submit button, in English. */
export const submitLabels: Readonly<Record<SignInStep, string>> = {
  "sign-in": englishUiText.say(submitLabelKeys["sign-in"]),
  "sign-up": englishUiText.say(submitLabelKeys["sign-up"]),
  confirm: englishUiText.say(submitLabelKeys.confirm),
};

/** The SDK session's calls the form makes (CognitoSession). */
export interface CredentialsAuth {
  signUp(email: string, password: string): Promise<{ confirmed: boolean }>;
  confirmSignUp(email: string, code: string): Promise<void>;
  signIn(email: string, password: string): Promise<unknown>;
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
  /** The confirmation code, as typed. */
  readonly code: string;
}

/**
 * One submit: a new account (which may need its code first), a code, then signing in, all without
 * leaving the page. "confirm" when the code must be entered next; "signed-in" when done.
 */
export async function submitStep(
  step: SignInStep,
  { email, password, code }: Credentials,
  auth: CredentialsAuth,
): Promise<"confirm" | "signed-in"> {
  if (step === "sign-up") {
    const { confirmed } = await auth.signUp(email, password);
    if (!confirmed) return "confirm";
  }
  if (step === "confirm") await auth.confirmSignUp(email, code.trim());
  await auth.signIn(email, password);
  return "signed-in";
}

/** Where a failed submit leaves the form: an account that was never confirmed goes to the code. */
export function stepAfterFailure(step: SignInStep, failure: unknown): SignInStep {
  return failure instanceof AuthError && failure.reason === "NOT_CONFIRMED" ? "confirm" : step;
}

export const SIGN_IN_FALLBACK = englishUiText.say("signInFailed");

/**
 * A failure in words. Cognito's refusals come as AuthError, worded by the SDK in English (the
 * site's words say it in its language); a refused sign-up ticket comes as the API's refusal,
 * which the site words (`describeRefusal`) when it offers sign-up.
 */
export function signInFailureMessage(
  failure: unknown,
  describeRefusal?: (refusal: ApiRefusal) => string,
  text: UiText = englishUiText,
): string {
  if (failure instanceof AuthError) return text.authFailure(failure);
  const refusal = describeRefusal ? refusalOf(failure) : undefined;
  return refusal && describeRefusal ? describeRefusal(refusal) : text.say("signInFailed");
}
