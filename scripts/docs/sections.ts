import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Generated sections of the docs: text between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`, rewritten by `npm run docs` from the code that defines it. Anything
 * outside the markers is written by hand and left alone.
 */

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** What `npm run docs` regenerates: prints the doc text of one fact, read from the code. */
export type SectionRenderer = () => string;

const MARKER = /<!-- (\/?)generated:([a-z0-9-]+) -->/g;

/** README.md and every Markdown file under docs/, as paths from the repository root. */
export function docFiles(root = repoRoot): string[] {
  const docs = readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => relative(root, join(root, "docs", file)));
  return ["README.md", ...docs.sort()];
}

/** The names of the generated sections in a text, in order; throws on a marker without its pair. */
export function sectionNames(text: string, where: string): string[] {
  const names: string[] = [];
  let open: string | undefined;
  for (const [, closing, name] of text.matchAll(MARKER)) {
    if (!closing) {
      if (open) throw new Error(`${where}: generated:${name} starts inside generated:${open}`);
      open = name;
    } else {
      if (open !== name)
        throw new Error(`${where}: /generated:${name} closes ${open ? `generated:${open}` : "nothing"}`);
      names.push(name!);
      open = undefined;
    }
  }
  if (open) throw new Error(`${where}: generated:${open} is never closed (<!-- /generated:${open} -->)`);
  return names;
}

/** The text with every generated section rewritten; throws on a section no renderer knows. */
export function regenerate(text: string, where: string, renderers: Readonly<Record<string, SectionRenderer>>): string {
  for (const name of sectionNames(text, where)) {
    if (!renderers[name])
      throw new Error(`${where}: no generator for generated:${name} (known: ${Object.keys(renderers).join(", ")})`);
  }
  return text.replace(
    /(<!-- generated:([a-z0-9-]+) -->)[\s\S]*?(<!-- \/generated:\2 -->)/g,
    (_whole, start: string, name: string, stop: string) =>
      `${start}\n<!-- Written by \`npm run docs\` from the code: do not edit by hand. -->\n\n${renderers[name]!().trimEnd()}\n\n${stop}`,
  );
}

/** Reads a doc given by its path from the repository root. */
export function readDoc(file: string, root = repoRoot): string {
  return readFileSync(join(root, file), "utf8");
}
