import { describe, expect, it } from "vitest";
import { generators } from "../../../scripts/docs/generators";
import {
  brokenLinks,
  describeProblem,
  sourceFiles,
  unresolvedSectionReferences,
} from "../../../scripts/docs/references";
import { docFiles, readDoc, regenerate, sectionNames } from "../../../scripts/docs/sections";

/**
 * The docs against the code. The facts the code defines (risk weights, settings) are generated
 * into the docs between `<!-- generated:NAME -->` markers by `npm run docs` (scripts/docs/); these
 * tests fail when a doc no longer says what the code does, or points at something that is not there.
 * (The CLI reference, docs/cli.md, is held to the commands by apps/cli/test/command-reference.test.ts.)
 */

const REGENERATE = "run npm run docs";

describe("the generated parts of the docs", () => {
  it.each(docFiles())("are current in %s", (file) => {
    const text = readDoc(file);
    expect(text, `${file} is out of date with the code: ${REGENERATE}`).toBe(regenerate(text, file, generators));
  });

  it("show every generated fact somewhere", () => {
    const shown = new Set(docFiles().flatMap((file) => sectionNames(readDoc(file), file)));
    expect(
      Object.keys(generators).filter((name) => !shown.has(name)),
      "generated sections no doc has markers for",
    ).toEqual([]);
  });
});

describe("rewriting generated sections", () => {
  const renderers = { weights: () => "| a | 1 |" };

  it("replaces only what is between the markers", () => {
    const text = "before\n<!-- generated:weights -->\nstale\n<!-- /generated:weights -->\nafter\n";
    const fresh = regenerate(text, "doc.md", renderers);
    expect(fresh).toMatch(/^before\n<!-- generated:weights -->\n/);
    expect(fresh).toContain("\n| a | 1 |\n");
    expect(fresh).not.toContain("stale");
    expect(fresh).toMatch(/\n<!-- \/generated:weights -->\nafter\n$/);
    expect(regenerate(fresh, "doc.md", renderers)).toBe(fresh);
  });

  it("refuses unknown, unclosed and crossed markers", () => {
    expect(() => regenerate("<!-- generated:other -->\n<!-- /generated:other -->", "doc.md", renderers)).toThrow(
      /no generator for generated:other/,
    );
    expect(() => regenerate("<!-- generated:weights -->\n", "doc.md", renderers)).toThrow(/never closed/);
    expect(() => regenerate("<!-- generated:weights -->\n<!-- /generated:other -->", "doc.md", renderers)).toThrow(
      /closes generated:weights/,
    );
  });
});

describe("references", () => {
  it("every link in README.md and docs/ reaches a file and heading that exist", () => {
    expect(
      docFiles()
        .flatMap((file) => brokenLinks(file))
        .map(describeProblem),
    ).toEqual([]);
  });

  it('every "§N" in the code and docs names a file of the repository with that section', () => {
    expect(
      sourceFiles()
        .flatMap((file) => unresolvedSectionReferences(file))
        .map(describeProblem),
    ).toEqual([]);
  });
});
