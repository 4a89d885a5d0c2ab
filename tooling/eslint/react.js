// React on top of the base rules: @eslint-react (type-aware) and the React Compiler's hooks rules,
// and Next.js's own where the workspace is a Next.js app.
//   export default [...base(import.meta.dirname), ...react({ next: true })];
import eslintReact from "@eslint-react/eslint-plugin";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const eslintReactRules = eslintReact.configs["recommended-type-checked"].rules ?? {};

/** @param {{ next?: boolean }} [options] */
export function react({ next = false } = {}) {
  return defineConfig(
    {
      files: ["**/*.{ts,tsx}"],
      extends: [eslintReact.configs["recommended-type-checked"], reactHooks.configs.flat["recommended-latest"]],
      languageOptions: { globals: { ...globals.browser } },
      // Where both plugins check the same thing, React's own react-hooks does it: one finding, one name.
      rules: Object.fromEntries(
        Object.keys(reactHooks.rules)
          .map((name) => [`@eslint-react/${name}`, "off"])
          .filter(([rule]) => rule in eslintReactRules),
      ),
    },
    next
      ? {
          files: ["**/*.{ts,tsx}"],
          plugins: { "@next/next": nextPlugin },
          rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
        }
      : {},
  );
}
