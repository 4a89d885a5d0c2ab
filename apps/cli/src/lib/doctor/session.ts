import { AuthError, CognitoSession, type SessionStore } from "@landslide/api/client";
import { shortTime } from "../format";
import { loginCommand, type Profile, type ProfileFile } from "../profiles";
import { answers } from "./answers";
import { type Check, fail, ok, warn } from "./check";

/**
 * Whether the profile's session still works: it renews it now, through the SDK, which proves the
 * refresh token is still accepted (a token merely unexpired can have been revoked). No token is
 * ever shown.
 */
export async function checkSession(profiles: ProfileFile, profile: string): Promise<Check> {
  const name = `session (profile ${profile})`;
  const login = loginCommand(profile);
  let stored: Profile | undefined;
  try {
    stored = profiles.get(profile);
  } catch {
    return fail(name, `${profiles.path} cannot be read`, `rm ${profiles.path} && ${login}`);
  }
  if (!stored) return warn(name, `not signed in: there is no profile ${profile}`, login);
  const { session, deployment } = stored;
  if (!session) return warn(name, `profile ${profile} is signed out`, login);
  if (!session.refreshToken) {
    return session.expiresAt > Date.now()
      ? ok(name, `signed in until ${shortTime(new Date(session.expiresAt))}; it cannot renew itself`)
      : fail(name, `the login expired at ${shortTime(new Date(session.expiresAt))} and cannot renew itself`, login);
  }

  const cognito = new CognitoSession(deployment.cognito, renewingStore(profiles.sessionStore(profile)));
  try {
    const tokens = await cognito.tokens();
    const who = await cognito.profile();
    const as = who?.email ? ` as ${who.email}${who.groups.length ? ` (${who.groups.join(", ")})` : ""}` : "";
    return ok(name, `signed in${as}; renewed just now, valid until ${shortTime(new Date(tokens.expiresAt))}`);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const where = deployment.cognito.endpoint ?? `Cognito in ${deployment.cognito.region}`;
    if (error.reason !== "UNAVAILABLE")
      return fail(name, `the login has expired: Cognito refused to renew it (${error.reason})`, login);
    // UNAVAILABLE: no answer at all, or an answer from a user pool that does not know this app client.
    const endpoint = deployment.cognito.endpoint ?? `https://cognito-idp.${deployment.cognito.region}.amazonaws.com`;
    if (!(await answers(endpoint)))
      return warn(
        name,
        `cannot renew the session: nothing answers at ${where}`,
        "start the deployment (npm run dev, or election local up), then run election doctor again",
      );
    return fail(
      name,
      `${where} does not renew the session: it no longer knows app client ${deployment.cognito.clientId}`,
      `${login} --reconfigure`,
    );
  }
}

/**
 * The profile's store, seen so that the SDK renews the session on the first call (it only does
 * when the token is about to expire) and keeps the renewed tokens, but never forgets the
 * session: a check reports a dead login, and leaves signing out to 'election logout'.
 */
function renewingStore(store: SessionStore): SessionStore {
  return {
    load: async () => {
      const tokens = await store.load();
      return tokens && { ...tokens, expiresAt: 0 };
    },
    save: (tokens) => (tokens ? store.save(tokens) : undefined),
  };
}
