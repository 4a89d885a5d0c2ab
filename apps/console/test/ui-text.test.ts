import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AuthError } from "@landslide/api/client";
import { englishSentences, englishUiText, type UiKey } from "@landslide/ui/ui-text";
import { loadMessages } from "../i18n/catalogs";
import { consoleUiText } from "../i18n/ui-text";

/**
 * The shared components (packages/ui) say their English themselves; in the console they say the
 * `ui` messages, in the page's language. English must read the same both ways, word for word.
 */
const messages = await loadMessages("en");
const text = consoleUiText(
  "en",
  "ltr",
  createTranslator({ locale: "en", messages, namespace: "ui" }),
  createTranslator({ locale: "en", messages, namespace: "auth" }),
);

describe("the shared components' English in the console", () => {
  it("has a message for every sentence, and no other", () => {
    expect(Object.keys(messages.ui).sort()).toEqual(Object.keys(englishSentences).sort());
  });

  it("reads word for word as the components' own", () => {
    const samples: [UiKey, object][] = [
      ["ballots", { count: 1 }],
      ["ballots", { count: 1234 }],
      ["votes", { count: 2 }],
      ["leadLeading", { option: "Otter", votes: 6, share: "75.0%" }],
      ["codeTitle", {}],
      ["signInCodeSent", { email: "ada@example.org" }],
      ["summaryOpening", { final: "yes", count: 3 }],
    ];
    for (const [key, values] of samples) {
      const say = (from: typeof text) => (from.say as (k: UiKey, v: object) => string)(key, values);
      expect(say(text), key).toBe(say(englishUiText));
    }
  });

  it("words a sign-in failure by its reason", () => {
    const failure = new AuthError("CODE_MISMATCH", "That confirmation code is not right.");
    expect(text.authFailure(failure)).toBe(failure.message);
  });
});
