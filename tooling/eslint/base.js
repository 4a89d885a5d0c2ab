// The rules every workspace shares: ESLint's and typescript-eslint's recommended sets, type-aware
// (the rules that need types: floating promises, misused promises, await of non-promises).
//   import { base } from "@landslide/eslint-config/base";
//   export default base(import.meta.dirname);
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Never linted: what tools write, and what is not ours. */
export const ignored = globalIgnores([
  "**/node_modules/",
  "**/dist/",
  "**/.next/",
  "**/.turbo/",
  "**/cdk.out/",
  "**/coverage/",
  "**/test-results/",
  "**/playwright-report/",
  "**/next-env.d.ts",
]);

/** @param {string} tsconfigRootDir the workspace's folder (import.meta.dirname of its eslint.config.js) */
export function base(tsconfigRootDir) {
  return defineConfig(
    ignored,
    js.configs.recommended,
    {
      files: ["**/*.{ts,tsx,mts,cts}"],
      extends: [tseslint.configs.recommendedTypeChecked],
      languageOptions: {
        // Each file is checked with the program of its workspace's tsconfig.json.
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        // `import type` for what exists only as a type: the import then vanishes from the bundle,
        // which is how the web apps use the API's router types without its server code.
        "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
        "@typescript-eslint/no-unused-vars": [
          "error",
          { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
        ],
        // An event handler or a callback may start a promise the caller does not await: the
        // check on handlers' return types would flag every async onClick and onSubmit.
        "@typescript-eslint/no-misused-promises": [
          "error",
          { checksVoidReturn: { attributes: false, arguments: false } },
        ],
        "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: true }],
        // A number or a boolean in a template literal reads as it should.
        "@typescript-eslint/restrict-template-expressions": [
          "error",
          { allowNumber: true, allowBoolean: true, allowNullish: true },
        ],
        // An async function that satisfies an async interface need not await.
        "@typescript-eslint/require-await": "off",
        "no-console": "off",
        eqeqeq: ["error", "smart"],
      },
    },
    {
      // Scripts and configs written in JavaScript: no type information, Node's globals.
      files: ["**/*.{js,mjs,cjs}"],
      extends: [tseslint.configs.disableTypeChecked],
      languageOptions: { globals: globals.node },
    },
    {
      // vitest types its asymmetric matchers (expect.any, expect.stringMatching, …) as any; and a
      // type test (*.test-d.ts) holds code meant not to compile.
      files: ["**/test/**", "**/tests/**", "**/*.test.{ts,tsx}", "**/bench/**"],
      rules: {
        "@typescript-eslint/no-unsafe-assignment": "off",
        "@typescript-eslint/no-unsafe-return": "off",
      },
    },
  );
}
