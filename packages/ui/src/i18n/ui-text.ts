import type { AuthFailure } from "@landslide/api/client";
import type { UiKey, UiText } from "../text/ui-text";

/** A namespace's translator as next-intl gives it, narrowed to what the shared words need. */
type Say = (key: UiKey, values?: Record<string, string | number>) => string;

/** The values that are what people entered (an election's words, a voter's address), not the site's. */
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
 * The shared components' words (UiText) in a page's language, from an app's next-intl messages:
 * its `ui` namespace says every sentence (the same keys as englishSentences), its `auth` namespace
 * every sign-in failure the SDK names. Each app passes its own typed translators, so a message
 * missing from its English fails its typecheck there.
 */
export function uiTextFrom(
  locale: string,
  dir: "ltr" | "rtl",
  ui: Say,
  authFailure: (reason: AuthFailure) => string,
): UiText {
  return {
    locale,
    dateLocale: locale,
    dir,
    say: (key, ...values) => ui(key, isolated(values[0] as Record<string, string | number> | undefined, dir)),
    authFailure: (failure) => authFailure(failure.reason),
  };
}
