import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generators } from "./generators";
import { docFiles, readDoc, regenerate, repoRoot } from "./sections";

/**
 * `npm run docs` (with the CLI reference, which `oclif readme` writes): rewrites every generated
 * section of README.md and docs/ from the code. packages/config/test/generated-docs.test.ts fails
 * while one is out of date.
 */
for (const file of docFiles()) {
  const text = readDoc(file);
  const fresh = regenerate(text, file, generators);
  if (fresh === text) continue;
  writeFileSync(join(repoRoot, file), fresh);
  console.log(`rewrote ${file}`);
}
