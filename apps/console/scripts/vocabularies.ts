import { readFileSync } from "node:fs";
import ts from "typescript";
import {
  auditActionWords,
  electionStatusWords,
  holdReasonWords,
  questionKindWords,
  refusalWords,
  riskSignalWords,
  voteStateWords,
  type Words,
} from "@landslide/api/client";
import type { Vocabulary } from "../i18n/words";

/**
 * Where each vocabulary of the console's `words` messages comes from: the API client's table of
 * codes (its source file, read here: the table itself is not exported) and its function that
 * words a code. A risk signal is a hold reason seen as a phrase to run into a sentence: its label
 * is the hold reason's, its help the phrase riskSignalWords gives.
 */
interface Source {
  readonly file: string;
  readonly words: (code: string) => Words;
}

const WORDS_DIR = new URL("../../../packages/api/src/client/words/", import.meta.url);

export const SOURCES: Readonly<Record<Vocabulary, Source>> = {
  refusal: { file: "refusal-reasons.ts", words: refusalWords },
  auditAction: { file: "audit-actions.ts", words: auditActionWords },
  holdReason: { file: "hold-reasons.ts", words: holdReasonWords },
  riskSignal: {
    file: "hold-reasons.ts",
    words: (code) => ({ label: holdReasonWords(code).label, help: riskSignalWords(code) }),
  },
  electionStatus: { file: "election-statuses.ts", words: electionStatusWords },
  voteState: { file: "vote-states.ts", words: voteStateWords },
  questionKind: { file: "question-kinds.ts", words: questionKindWords },
};

/** The keys of the file's `WORDS` table, in their order: every code the vocabulary has words for. */
function tableKeys(file: string): string[] {
  const path = new URL(file, WORDS_DIR);
  const source = ts.createSourceFile(file, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  let keys: string[] | undefined;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === "WORDS" &&
      node.initializer
    ) {
      let table = node.initializer;
      while (ts.isAsExpression(table) || ts.isSatisfiesExpression(table) || ts.isParenthesizedExpression(table))
        table = table.expression;
      if (ts.isObjectLiteralExpression(table))
        keys = table.properties.map((property) => {
          const name = property.name;
          if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return name.text;
          throw new Error(`${file}: a WORDS key that is not a plain name: ${property.getText()}`);
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!keys) throw new Error(`${file} has no WORDS table any more: update scripts/vocabularies.ts`);
  return keys;
}

/** Every code of a vocabulary, as the API client has them. */
export function codesOf(vocabulary: Vocabulary): string[] {
  return tableKeys(SOURCES[vocabulary].file);
}

export type VocabularyWords = Record<Vocabulary, Record<string, Words>>;

/** Every vocabulary's words in English, as the API client says them: the `words` of messages/en.json. */
export function englishWords(vocabularies: readonly Vocabulary[]): VocabularyWords {
  return Object.fromEntries(
    vocabularies.map((vocabulary) => [
      vocabulary,
      Object.fromEntries(codesOf(vocabulary).map((code) => [code, { ...SOURCES[vocabulary].words(code) }])),
    ]),
  ) as VocabularyWords;
}
