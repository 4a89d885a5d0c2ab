import { readFile } from "node:fs/promises";
import { Errors } from "@oclif/core";
import { z } from "zod";
import { checkTieRule, checkTranslations, electionDefinitionSchema } from "@landslide/vote-engine";
import { formatPath, type JsonPath, type JsonPosition, scanJson } from "./json-locations";
import { EXIT } from "./public-client";

/**
 * An election as an official writes it in a ballot file: the API's own definition schema, with
 * the id (optional: the API picks one) and the schedule as ISO 8601 text. Checked here first so
 * a mistake is named with its line before anything is sent; the API checks it again.
 */
const ballotFileSchema = electionDefinitionSchema
  .extend({
    id: z.uuid().optional(),
    opensAt: z.iso.datetime({ offset: true }).nullable().optional(),
    closesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();

/** A checked ballot file; a schedule it leaves out stays undefined, so an edit keeps the election's. */
export type BallotFile = z.output<typeof ballotFileSchema>;

/** The ballot file's format, for `--help`. */
export const BALLOT_FILE_FORMAT = [
  'A ballot file is a JSON object: "title"; "questions", a list of { "id", "kind": "single", "multi", "ranked" or "score", "prompt", "options": [{ "id", "label" }, …], "minChoices" and "maxChoices" (both 1 by default; a score question leaves them out) }; and optionally "description", "eligibility" ("any-signed-in-voter", the default, or "voter-roll"), "allowAbstain" (false by default), "passkeyPolicy" (which devices may vote: "optional", the default, lets any signed-in device vote; "review-without" holds ballots from devices without a passkey for review; "required" lets only devices with a passkey vote, shutting out voters whose devices have none), "opensAt" and "closesAt" (ISO 8601 with an offset), and "id" (a UUID; the API picks one when left out). Ids of questions and options are lower-case letters, digits and "-".',
  'Score questions ("kind": "score"): each voter gives every option a whole-number score, an option left unscored getting the lowest. "scoreRange": { "min", "max" } sets the scores: the lowest 0 or 1, the highest up to 10 (0 to 5 when left out). "counting" (docs/counting.md) says how they are counted: { "method": "score", "seats": 1 }, the default, elects the highest total score (with more seats, the highest totals); { "method": "star", "seats": 1 } (STAR voting) sends the two highest totals to a runoff, won by the finalist more voters scored higher. For example: { "id": "capital", "kind": "score", "prompt": "Score each city as the capital", "options": [{ "id": "nashville", "label": "Nashville" }, { "id": "memphis", "label": "Memphis" }], "scoreRange": { "min": 0, "max": 5 }, "counting": { "method": "star", "seats": 1 } }',
  'The order of the options on each ballot ("optionOrder"): voters favour the options listed first, so a ballot may list them in an order drawn for each voter. "as-listed", the default, lists every question\'s options as the file does; "rotated" starts each voter\'s list at an option drawn for them and wraps around, so every option comes first on about as many ballots and keeps its neighbours; "shuffled" gives each voter a random order of their own. A voter sees the same order every time, and their receipt records it. Ties settled by option order still go by the file\'s order. An edit whose file leaves "optionOrder" out keeps the election\'s.',
  'Languages (docs/languages.md): "language" is the BCP 47 tag of the language the file\'s texts are written in ("en" by default); "translations" holds the same texts in other languages, by tag: { "es": { "title", "description", "questions": { "<question id>": { "prompt", "options": { "<option id>": "<label>" } } } } }. Every translated text is optional: voters whose language lacks one read it as written. A translation may not be in the election\'s own language, nor name a question or option the file does not have.',
  'For example: { "title": "Night ferry", "questions": [{ "id": "ferry", "kind": "single", "prompt": "Keep the night ferry?", "options": [{ "id": "yes", "label": "Yes" }, { "id": "no", "label": "No" }] }], "translations": { "es": { "title": "Ferry nocturno", "questions": { "ferry": { "prompt": "¿Mantener el ferry nocturno?", "options": { "yes": "Sí" } } } } } }',
].join("\n\n");

/**
 * Reads and checks a ballot file. Any mistake is one line naming the file, the line and column,
 * the field and what is wrong (exit code 2), like a compiler's: `ballot.json:7:18: questions[0].options: …`.
 */
export async function readBallotFile(path: string): Promise<BallotFile> {
  let text: string;
  try {
    text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    throw usage(
      `Cannot read the ballot file ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (error as Error).message}.`,
    );
  }
  const scan = scanJson(text);
  const where = ({ line, column }: JsonPosition) => `${path}:${line}:${column}`;
  if (scan.error) throw usage(`${where(scan.error)}: not valid JSON: ${scan.error.message}.`);

  const parsed = ballotFileSchema.safeParse(JSON.parse(text));
  if (parsed.success) {
    // The ids a translation names, against the file's questions: as the API checks them, named at their line.
    // The ids a tie rule's recorded draw names, likewise.
    const checked = [checkTranslations(parsed.data), checkTieRule(parsed.data)].find((check) => !check.ok);
    if (!checked || checked.ok) return parsed.data;
    const path = (checked.error.details?.path as JsonPath | undefined) ?? ["translations"];
    throw usage(`${where(scan.positionOf(path))}: ${formatPath(path)}: ${checked.error.message.replace(/\.$/, "")}.`);
  }

  const [issue, ...others] = parsed.error.issues;
  if (!issue) throw usage(`${path} is not a valid ballot file.`);
  // An unknown field is named itself, not the object holding it.
  const field: JsonPath =
    issue.code === "unrecognized_keys" && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
  const missing = issue.code === "invalid_type" && /received undefined$/.test(issue.message);
  const message =
    scoreRangeWords(issue, missing) ??
    (missing
      ? `missing (expected ${issue.expected})`
      : issue.code === "invalid_value"
        ? `must be ${oneOf(issue.values)}`
        : issue.message.replace(/\.$/, ""));
  const more = others.length ? ` (and ${others.length} more ${others.length === 1 ? "problem" : "problems"})` : "";
  // A missing field points at the object that lacks it.
  throw usage(`${where(scan.positionOf(field))}: ${formatPath(field)}: ${message}${more}.`);
}

/** What the bounds of a score range may be (score-range.ts), in the words of the help. */
const SCORE_BOUNDS = {
  min: { rule: "0 or 1", what: "the lowest score" },
  max: { rule: "a whole number from 1 to 10", what: "the highest score" },
} as const;

/**
 * A mistake in a score range in words: zod says "Too big: expected number to be <=10" or "expected
 * int", where an official needs the rule itself. Undefined for every other issue (and for the
 * lowest score not below the highest, which the engine already says in words).
 */
function scoreRangeWords(issue: z.core.$ZodIssue, missing: boolean): string | undefined {
  const [parent, last] = issue.path.slice(-2);
  if (parent === "scoreRange" && (last === "min" || last === "max") && issue.code !== "unrecognized_keys") {
    const { rule, what } = SCORE_BOUNDS[last];
    return missing ? `missing (${what}: ${rule})` : `must be ${rule} (${what})`;
  }
  if (last !== "scoreRange") return undefined;
  if (issue.code === "unrecognized_keys") return 'a score range has only "min" and "max"';
  if (issue.code === "invalid_type")
    return 'must be the lowest and the highest score, as { "min": 0, "max": 5 } (the lowest 0 or 1, the highest up to 10)';
  return undefined;
}

/** `"optional", "review-without" or "required"`: zod's `"optional"|"review-without"|"required"` in words. */
function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length > 1
    ? `one of ${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`
    : (quoted[0] ?? "something else");
}

const usage = (message: string) => new Errors.CLIError(message, { exit: EXIT.usage });
