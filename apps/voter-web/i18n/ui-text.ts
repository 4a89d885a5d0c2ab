import type { createTranslator } from "next-intl";
import { uiTextFrom } from "@landslide/ui/i18n/ui-text";
import type { UiKey, UiText } from "@landslide/ui/ui-text";
import type { Messages } from "./catalogs";

type Namespace<N extends "ui" | "auth"> = ReturnType<typeof createTranslator<Messages, N>>;

/**
 * The shared components' words (packages/ui's UiText) in the page's language, from the messages'
 * `ui` and `auth` namespaces. Every sentence the components say must have its message there, and
 * every sign-in failure the SDK names: one missing fails the typecheck here.
 */
export function voterUiText(locale: string, dir: "ltr" | "rtl", ui: Namespace<"ui">, auth: Namespace<"auth">): UiText {
  return uiTextFrom(
    locale,
    dir,
    (key, values) => {
      const sentence: UiKey = key;
      return ui(sentence, values);
    },
    (reason) => auth(reason),
  );
}
