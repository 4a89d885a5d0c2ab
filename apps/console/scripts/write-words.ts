import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Words } from "@landslide/api/client";
import { VOCABULARIES } from "../i18n/words";
import { englishWords, type VocabularyWords } from "./vocabularies";

/**
 * Writes the `words` of the console's message files. English comes from the API client's own
 * vocabularies (run this after they change); every other language keeps its translation of each
 * code, takes a translator's where one is given (--merge DIR: DIR/<locale>.json holds the value of
 * `words`), and stands in English for a code nobody has translated yet, said on the way out.
 *
 *   npm run words -w @landslide/console -- [--merge /tmp/console-words]
 */
const MESSAGES = new URL("../messages/", import.meta.url);
const mergeAt = process.argv.indexOf("--merge");
const mergeDir = mergeAt > 0 ? process.argv[mergeAt + 1] : undefined;

type Catalog = Record<string, unknown> & { words?: Partial<Record<string, Record<string, unknown>>> };

const isWords = (value: unknown): value is Words =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Words).label === "string" &&
  typeof (value as Words).help === "string" &&
  (value as Words).label.trim() !== "";

const read = (path: URL | string): Catalog => JSON.parse(readFileSync(path, "utf8")) as Catalog;

/** The file with `words` replaced, kept last so the pages' messages stay at the top. */
function withWords(catalog: Catalog, words: VocabularyWords): string {
  const { words: _old, ...rest } = catalog;
  return `${JSON.stringify({ ...rest, words }, null, 2)}\n`;
}

const english = englishWords(VOCABULARIES);
writeFileSync(new URL("en.json", MESSAGES), withWords(read(new URL("en.json", MESSAGES)), english));

for (const file of readdirSync(MESSAGES).filter((name) => name.endsWith(".json") && name !== "en.json")) {
  const locale = file.slice(0, -".json".length);
  const catalog = read(new URL(file, MESSAGES));
  const given = mergeDir && existsSync(`${mergeDir}/${file}`) ? (read(`${mergeDir}/${file}`) as Catalog["words"]) : {};
  const untranslated: string[] = [];
  const words = Object.fromEntries(
    VOCABULARIES.map((vocabulary) => [
      vocabulary,
      Object.fromEntries(
        Object.entries(english[vocabulary]).map(([code, inEnglish]) => {
          const found = [given?.[vocabulary]?.[code], catalog.words?.[vocabulary]?.[code]].find(isWords);
          // English standing in from an earlier run is not a translation either.
          if (!found || (found.label === inEnglish.label && found.help === inEnglish.help))
            untranslated.push(`${vocabulary}.${code}`);
          return [code, found ? { label: found.label, help: found.help } : inEnglish];
        }),
      ),
    ]),
  ) as VocabularyWords;
  writeFileSync(new URL(file, MESSAGES), withWords(catalog, words));
  const from = mergeDir && existsSync(`${mergeDir}/${file}`) ? ` (merged ${mergeDir}/${file})` : "";
  console.log(
    `${locale}${from}: ${untranslated.length} of the codes in English for now${untranslated.length ? `: ${untranslated.join(", ")}` : ""}`,
  );
}
