import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Reads string literals out of the source, so a test can check that every code the server can
 * send has words without keeping a copy of the list (a copy would not notice a new code).
 */

export const repoRoot = join(import.meta.dirname, "..", "..", "..");

/** Every .ts file under `folder` (relative to the repo root), with its text. */
export function sourceFiles(folder: string, skip: (path: string) => boolean = () => false) {
  const root = join(repoRoot, folder);
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !skip(path))
    .map((path) => ({ path: relative(repoRoot, join(root, path)), text: readFileSync(join(root, path), "utf8") }));
}

/** The end of the string literal or comment that starts at `start` (its opening quote or slash). */
function endOfString(text: string, start: number): number {
  const quote = text[start];
  if (quote === "/") {
    const end = text[start + 1] === "*" ? text.indexOf("*/", start + 2) + 1 : text.indexOf("\n", start);
    return end <= 0 ? text.length : end;
  }
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += text[i] === "\\" ? 2 : 1;
  return i;
}

/** A string literal or a comment starts here: brackets and commas inside it are not code. */
function startsLiteral(text: string, i: number): boolean {
  const c = text[i];
  return c === '"' || c === "'" || c === "`" || (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*"));
}

/** The argument text of every call of `callee` in `text`: from after its "(" to its matching ")". */
export function callArguments(text: string, callee: string): string[] {
  const calls: string[] = [];
  const pattern = new RegExp(`\\b${callee}\\s*\\(`, "g");
  for (const match of text.matchAll(pattern)) {
    const open = match.index + match[0].length;
    let depth = 1;
    let i = open;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i]!;
      if (startsLiteral(text, i)) i = endOfString(text, i);
      else if (c === "(") depth++;
      else if (c === ")") depth--;
    }
    calls.push(text.slice(open, i - 1));
  }
  return calls;
}

/** The top-level arguments of one call's argument text, split at the commas outside brackets and strings. */
export function splitArguments(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (startsLiteral(args, i)) i = endOfString(args, i);
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      parts.push(args.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(args.slice(from).trim());
  return parts.filter(Boolean);
}

/** The double-quoted literals in `text` that match `shape` in full. */
export function literals(text: string, shape: RegExp): string[] {
  return [...text.matchAll(/"([^"\\\n]*)"/g)].map((m) => m[1]!).filter((s) => shape.test(s));
}
