import { z } from "zod";
import { isMailLanguage, type MailLanguage, mailLanguages } from "../notifications/languages";

/**
 * Who may vote in a roll-based election: people named by e-mail address or by an external id
 * (a national registry number, a member number). Values are normalized so that "Ada@Example.org "
 * and "ada@example.org" are one person.
 */
export type RollKind = "email" | "external-id";

export interface RollEntry {
  readonly kind: RollKind;
  readonly value: string;
  /** The language the voter's e-mails are written in (a roll column); absent: the default. */
  readonly language?: MailLanguage;
  /**
   * How many votes this voter's ballot is worth (a roll column: delegates weighted by the members
   * they represent, shareholders by their shares); absent: 1.
   */
  readonly weight?: number;
}

/** The largest weight a roll may give one voter; a typing slip of a few digits is refused, not counted. */
export const MAX_VOTER_WEIGHT = 1_000_000;

/** Someone on a roll whom Landslide may write to: a roll entry that is an e-mail address. */
export interface RollRecipient {
  readonly email: string;
  readonly language: MailLanguage | undefined;
}

/** What a signed-in voter is known by, from the identity token. */
export interface VoterIdentity {
  readonly email?: string;
  readonly externalId?: string;
}

const emailSchema = z.email({ error: "not a valid e-mail address" });
const externalIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, { error: "an external id is 1-128 letters, digits, '.', '_', ':' or '-'" });

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What is wrong with a roll row, as a code an app puts in its own words (`message` is the English). */
export type RollRowProblem =
  | "unknown-language"
  | "both-identifiers"
  | "no-identifier"
  | "invalid-email"
  | "invalid-external-id"
  | "invalid-weight"
  | "conflicting-weight"
  | "weight-already-set";

export interface RollRowError {
  /** 1-based, as a person counts rows in the file. */
  readonly row: number;
  readonly problem: RollRowProblem;
  readonly message: string;
}

/**
 * Reads imported rows (one identifier per row, e-mail or external id, as `{ email }` or
 * `{ externalId }`, and optionally the `language` the voter's e-mails are written in and the
 * `weight` of their vote), keeping the good ones and saying exactly what is wrong with each bad
 * one. Duplicates collapse to one entry; the same voter twice with two weights is refused, since
 * neither can be the one meant.
 */
export function parseRollRows(rows: ReadonlyArray<Readonly<Record<string, string | undefined>>>): {
  entries: RollEntry[];
  /** The 1-based row each entry was read from (its first, when repeated). */
  entryRows: number[];
  errors: RollRowError[];
} {
  const seen = new Map<string, RollEntry>();
  const entries: RollEntry[] = [];
  const entryRows: number[] = [];
  const errors: RollRowError[] = [];
  rows.forEach((row, index) => {
    const email = row.email?.trim();
    const externalId = row.externalId?.trim();
    const language = row.language?.trim().toLowerCase() || undefined;
    const weightText = row.weight?.trim() || undefined;
    const refuse = (problem: RollRowProblem, message: string) => errors.push({ row: index + 1, problem, message });
    if (language !== undefined && !isMailLanguage(language))
      return refuse("unknown-language", `the language is one of ${mailLanguages.join(", ")}`);
    const weight = weightText === undefined ? undefined : parseWeight(weightText);
    if (weight === null)
      return refuse("invalid-weight", `a weight is a whole number from 1 to ${MAX_VOTER_WEIGHT.toLocaleString("en")}`);
    if (email && externalId) return refuse("both-identifiers", "give an e-mail address or an external id, not both");
    if (!email && !externalId) return refuse("no-identifier", "no e-mail address or external id");
    const parsed = email ? emailSchema.safeParse(normalizeEmail(email)) : externalIdSchema.safeParse(externalId);
    if (!parsed.success)
      return refuse(email ? "invalid-email" : "invalid-external-id", parsed.error.issues[0]?.message ?? "invalid");
    const entry: RollEntry = {
      kind: email ? "email" : "external-id",
      value: parsed.data,
      ...(language !== undefined ? { language } : {}),
      ...(weight !== undefined && weight !== 1 ? { weight } : {}),
    };
    const key = rollKey(entry);
    const earlier = seen.get(key);
    if (earlier && (earlier.weight ?? 1) !== (entry.weight ?? 1))
      return refuse("conflicting-weight", "this voter is on an earlier row with another weight");
    if (!earlier) {
      seen.set(key, entry);
      entries.push(entry);
      entryRows.push(index + 1);
    }
  });
  return { entries, entryRows, errors };
}

/** How a roll names an entry, one per voter and identifier: "email:ada@example.org". */
export function rollKey(entry: Pick<RollEntry, "kind" | "value">): string {
  return `${entry.kind}:${entry.value}`;
}

/**
 * The rows whose weight differs from the one the roll already holds for that voter: refused, and
 * the stored weight kept, since ballots may already have been signed with it.
 */
export function reweightedRows(
  entries: readonly RollEntry[],
  entryRows: readonly number[],
  stored: ReadonlyMap<string, number>,
): RollRowError[] {
  return entries.flatMap((entry, i) => {
    const weight = stored.get(rollKey(entry));
    if (weight === undefined || weight === (entry.weight ?? 1)) return [];
    return [
      {
        row: entryRows[i]!,
        problem: "weight-already-set" as const,
        message: `this voter is already on the roll with weight ${weight}, which an import cannot change`,
      },
    ];
  });
}

/** A weight as a roll writes it: a whole number from 1 to MAX_VOTER_WEIGHT; null when it is not one. */
export function parseWeight(text: string): number | null {
  if (!/^\d{1,7}$/.test(text)) return null;
  const weight = Number(text);
  return weight >= 1 && weight <= MAX_VOTER_WEIGHT ? weight : null;
}

/** The roll entries that would admit this identity. */
export function identityEntries(identity: VoterIdentity): RollEntry[] {
  return [
    ...(identity.email ? [{ kind: "email" as const, value: normalizeEmail(identity.email) }] : []),
    ...(identity.externalId ? [{ kind: "external-id" as const, value: identity.externalId }] : []),
  ];
}
