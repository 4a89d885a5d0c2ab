/** Why signing up or in failed, as a stable reason a page can turn into its own words. */
export type AuthFailure =
  | "INVALID_CREDENTIALS"
  | "NOT_CONFIRMED"
  | "ACCOUNT_EXISTS"
  | "CODE_MISMATCH"
  | "CODE_EXPIRED"
  | "WEAK_PASSWORD"
  | "INVALID_INPUT"
  | "TOO_MANY_ATTEMPTS"
  | "SESSION_EXPIRED"
  | "SIGNED_OUT"
  | "UNAVAILABLE"
  /** Cognito's pre-sign-up check refused: no valid sign-up ticket (a sign-up not made through Landslide). */
  | "SIGN_UP_REFUSED";

export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
  }
}

const byCognitoName: Record<string, [AuthFailure, string]> = {
  NotAuthorizedException: ["INVALID_CREDENTIALS", "The e-mail address or password is not right."],
  UserNotFoundException: ["INVALID_CREDENTIALS", "The e-mail address or password is not right."],
  UserNotConfirmedException: ["NOT_CONFIRMED", "Confirm your e-mail address with the code we sent before signing in."],
  UsernameExistsException: ["ACCOUNT_EXISTS", "An account with this e-mail address already exists; sign in instead."],
  CodeMismatchException: ["CODE_MISMATCH", "That confirmation code is not right."],
  ExpiredCodeException: ["CODE_EXPIRED", "That confirmation code has expired; ask for a new one."],
  InvalidPasswordException: [
    "WEAK_PASSWORD",
    "Choose a longer password with upper- and lower-case letters and digits.",
  ],
  InvalidParameterException: ["INVALID_INPUT", "Check the e-mail address and password."],
  TooManyRequestsException: ["TOO_MANY_ATTEMPTS", "Too many attempts; wait a minute and try again."],
  LimitExceededException: ["TOO_MANY_ATTEMPTS", "Too many attempts; wait a minute and try again."],
  TooManyFailedAttemptsException: ["TOO_MANY_ATTEMPTS", "Too many attempts; wait a minute and try again."],
  UserLambdaValidationException: [
    "SIGN_UP_REFUSED",
    "This sign-up was not accepted; start again from the sign-up form.",
  ],
};

/** Cognito's exceptions (the same names from cognito-local) in words a voter can act on. */
export function toAuthError(error: unknown, during: "sign-in" | "other" = "other"): AuthError {
  if (error instanceof AuthError) return error;
  const name = (error as { name?: string } | undefined)?.name ?? "";
  // cognito-local answers a wrong password with InvalidPasswordException; Cognito with NotAuthorizedException.
  if (during === "sign-in" && name === "InvalidPasswordException")
    return new AuthError(...byCognitoName.NotAuthorizedException!);
  const known = byCognitoName[name];
  return known
    ? new AuthError(...known)
    : new AuthError("UNAVAILABLE", "Signing in is not available right now; try again shortly.");
}
