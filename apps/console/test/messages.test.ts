import { describeMessageCatalogs } from "@landslide/ui/i18n/catalog-suite";
import { loadMessages, locales } from "../i18n/catalogs";
import { routing } from "../i18n/routing";

/**
 * Every language of the console says everything English says, with the same placeholders (the
 * suite both web apps run: packages/ui/src/i18n/catalog-suite.ts): a key missing from one (or one
 * English no longer has) fails here, naming the language and the key.
 */
await describeMessageCatalogs({
  catalog: { locales, loadMessages },
  defaultLocale: routing.defaultLocale,
  folder: new URL("../messages/", import.meta.url),
});
