// The React rules are live in the web apps' configs: a hook called conditionally fails lint, and
// is reported once (by react-hooks), not twice.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const conditionalHook = `import { useState } from "react";
export function Counter({ shown }: { shown: boolean }) {
  if (!shown) return null;
  const [count] = useState(0);
  return <p>{count}</p>;
}
`;

for (const workspace of ["apps/voter-web", "apps/console", "packages/ui"]) {
  it(`${workspace}: a hook after an early return fails lint, once`, async () => {
    const cwd = join(repo, workspace);
    const eslint = new ESLint({ cwd, overrideConfig: [tseslint.configs.disableTypeChecked] });
    const [result] = await eslint.lintText(conditionalHook, { filePath: join(cwd, "app", "probe.tsx") });
    const hooks = result.messages.filter((m) => /rules-of-hooks/.test(m.ruleId ?? ""));
    assert.deepEqual(
      hooks.map((m) => m.ruleId),
      ["react-hooks/rules-of-hooks"],
    );
  });
}
