import { isKnownRefusal } from "@landslide/api/client";
import { describeMessageCatalogs } from "@landslide/ui/i18n/catalog-suite";
import { describe, expect, it } from "vitest";
import { loadMessages, locales } from "../i18n/catalogs";
import { routing } from "../i18n/routing";

/**
 * Every language says everything English says, with the same placeholders (the suite both web
 * apps run: packages/ui/src/i18n/catalog-suite.ts): a key missing from one (or one English no
 * longer has) fails here, naming the language and the key.
 */
await describeMessageCatalogs({
  catalog: { locales, loadMessages },
  defaultLocale: routing.defaultLocale,
  folder: new URL("../messages/", import.meta.url),
});

describe("the voter's words for refusals", () => {
  it("word the API's refusal reasons and nothing else (the typecheck holds it to every reason)", async () => {
    const reasons = Object.keys((await loadMessages("en")).refusals);
    expect(reasons.filter((reason) => !isKnownRefusal(reason))).toEqual([]);
  });
});
