import type { createTranslator } from "next-intl";
import type { UiKey, UiText } from "@landslide/ui/ui-text";
import type { Messages } from "./catalogs";

type Namespace<N extends "ui" | "auth"> = ReturnType<typeof createTranslator<Messages, N>>;

/** The values that are the election's own words (or the voter's address), not the site's. */
const ENTERED = new Set(["option", "prompt", "email"]);

/**
 * On a right-to-left page, what was entered in another script keeps its own direction inside the
 * sentence (FSI…PDI, as <bdi> does): "?Which animal" would otherwise lose its question mark to the
 * wrong end. Left-to-right pages are left as they are.
 */
function isolated(values: Record<string, string | number> | undefined, dir: "ltr" | "rtl") {
  if (dir === "ltr" || values === undefined) return values;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      ENTERED.has(name) && typeof value === "string" ? `\u2068${value}\u2069` : value,
    ]),
  );
}

/**
 * The shared components' words (packages/ui's UiText) in the page's language, from the messages'
 * `ui` and `auth` namespaces. Every sentence the components say must have its message there, and
 * every sign-in failure the SDK names: one missing fails the typecheck here.
 */
export function voterUiText(locale: string, dir: "ltr" | "rtl", ui: Namespace<"ui">, auth: Namespace<"auth">): UiText {
  return {
    locale,
    dateLocale: locale,
    dir,
    say: (key, ...values) => {
      const sentence: UiKey = key;
      return ui(sentence, isolated(values[0] as Record<string, string | number> | undefined, dir));
    },
    authFailure: (failure) => auth(failure.reason),
  };
}
