import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { repoRoot } from "./sections";

/**
 * Checks that what the docs and the code point at exists: every relative Markdown link (and its
 * #anchor), and every "§N" reference, which must name a Markdown file of the repository
 * ("docs/design.md §6"; in a Markdown file, a bare "§N" is one of its own) with a heading numbered N.
 * External standards ("RFC 6962 §2.1") are left alone.
 */

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const SKIPPED_FOLDERS = new Set([
  "node_modules",
  ".git",
  ".next",
  ".landslide",
  ".turbo",
  "test-results",
  "playwright-report",
  "cdk.out",
  "dist",
  "coverage",
]);
const SOURCE = /\.(ts|tsx|js|mjs|cjs|md|java|sql|sh)$|(^|\/)Dockerfile$/;

/** The repository's source and documentation files, as paths from the root (build output and dependencies left out). */
export function sourceFiles(root = repoRoot, folder = ""): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(root, path);
    return entry.isFile() && SOURCE.test(path) ? [path] : [];
  });
}

/** Links to files of the repository that do not exist, or to headings those files do not have. */
export function brokenLinks(file: string, root = repoRoot): Problem[] {
  const problems: Problem[] = [];
  forEachLine(readFileSync(join(root, file), "utf8"), (line, number) => {
    // [text](target) and [text](target "title"); images too.
    for (const [, target = ""] of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
      const [path = "", anchor] = target.split("#");
      const linked = path ? join(dirname(file), decodeURIComponent(path)) : file;
      if (!existsSync(join(root, linked))) {
        problems.push({ file, line: number, message: `links to ${target}: ${linked} does not exist` });
      } else if (
        anchor !== undefined &&
        linked.endsWith(".md") &&
        !headingSlugs(readFileSync(join(root, linked), "utf8")).has(anchor)
      ) {
        problems.push({ file, line: number, message: `links to ${target}: ${linked} has no heading #${anchor}` });
      }
    }
  });
  return problems;
}

/** "§N" references that do not name an existing Markdown file with a section numbered N. */
export function unresolvedSectionReferences(file: string, root = repoRoot): Problem[] {
  const problems: Problem[] = [];
  forEachLine(readFileSync(join(root, file), "utf8"), (line, number) => {
    for (const match of line.matchAll(/§\s*(\d+)(?:\.\d+)*(?:\s*[–-]\s*(\d+))?/g)) {
      const before = line.slice(0, match.index);
      if (/\bRFC\s*\d+\s*$/.test(before)) continue;
      // A bare "§N" in a Markdown file is a section of that file.
      const named =
        /([\w./-]+\.md)[`*\])]*\s*$/.exec(before)?.[1] ?? (file.endsWith(".md") ? basename(file) : undefined);
      if (!named) {
        problems.push({
          file,
          line: number,
          message: `"${match[0]}" names no file: write it as docs/design.md §N (or the .md file it means)`,
        });
        continue;
      }
      const target = [join(dirname(file), named), named].find((path) => isFile(join(root, path)));
      if (!target) {
        problems.push({ file, line: number, message: `"${named} ${match[0]}": ${named} does not exist` });
        continue;
      }
      const numbers = numberedSections(readFileSync(join(root, target), "utf8"));
      const first = Number(match[1]);
      const last = match[2] === undefined ? first : Number(match[2]);
      for (let section = first; section <= last; section++) {
        if (!numbers.has(section))
          problems.push({ file, line: number, message: `"${named} ${match[0]}": ${target} has no section ${section}` });
      }
    }
  });
  return problems;
}

/** The slugs GitHub gives the headings of a Markdown text (the #anchors that reach them). */
export function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  for (const heading of headings(markdown)) {
    const slug = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    slugs.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return slugs;
}

/** The numbers of headings such as "## 6. Services, not a monolith". */
function numberedSections(markdown: string): Set<number> {
  return new Set(
    headings(markdown)
      .flatMap((heading) => /^(\d+)\.?\s/.exec(heading)?.[1] ?? [])
      .map(Number),
  );
}

/** The text of every ATX heading, outside fenced code blocks. */
function headings(markdown: string): string[] {
  const found: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) {
      const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
      if (heading !== undefined) found.push(heading);
    }
  }
  return found;
}

function forEachLine(text: string, visit: (line: string, number: number) => void): void {
  text.split("\n").forEach((line, index) => visit(line, index + 1));
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** A problem as one line: path:line: message. */
export function describeProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
