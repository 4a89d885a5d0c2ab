/**
 * The ports of the domain: what it needs from the world, as interfaces.
 * Adapters (DynamoDB, Postgres, in-memory) implement them; the domain never reads globals.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
