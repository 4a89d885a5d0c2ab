/**
 * What a voter's passkey signs when it casts: the cast itself. Shared by the browser (which hashes
 * it with WebCrypto and hands the hash to the authenticator as the challenge) and the API (which
 * expects that hash), so the assertion cannot be moved to another ballot, election or retry key.
 * A replay of the very same cast is the same vote: the one-vote write answers it idempotently.
 */
export interface CastChallengeInput {
  readonly electionId: string;
  readonly idempotencyKey: string;
  readonly ballot: unknown;
}

export function castChallengeText(cast: CastChallengeInput): string {
  return JSON.stringify(["landslide-cast-v1", cast.electionId, cast.idempotencyKey, cast.ballot ?? null]);
}
