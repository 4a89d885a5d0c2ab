import { readdirSync } from "node:fs";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { directionOf, languagesOf, nativeName } from "./languages";
import type { MessageCatalog } from "./message-catalog";

/**
 * The tests every web app runs on its message files (its test/messages.test.ts calls this): every
 * language says everything English says, with the same placeholders. A key missing from one (or
 * one English no longer has) fails, naming the language and the key; so does a message that does
 * not parse, a placeholder renamed or dropped, a plural form the language does not have, or a
 * message that throws when it is formatted with values of English's kinds.
 */

type Tree = { readonly [key: string]: unknown };

/** "vote.loading" → its message, for every message of the tree (a compiled one is left out: tests read files raw). */
export function flattenMessages(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") flat.set(`${prefix}${key}`, value);
    else if (value !== null && typeof value === "object" && !Array.isArray(value))
      for (const [inner, message] of flattenMessages(value as Tree, `${prefix}${key}.`)) flat.set(inner, message);
  }
  return flat;
}

interface Placeholders {
  /** Each argument and the kind of value it takes: "number" (plural, number, #), "select", or "text". */
  readonly args: Map<string, "number" | "select" | "text">;
  readonly tags: Set<string>;
  /** The plural forms each plural uses, and the options each select offers. */
  readonly forms: Map<string, Set<string>>;
}

function placeholdersOf(elements: readonly MessageFormatElement[], into: Placeholders): Placeholders {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        if (!into.args.has(element.value)) into.args.set(element.value, "text");
        break;
      case TYPE.number:
      case TYPE.plural:
        into.args.set(element.value, "number");
        break;
      case TYPE.select:
        into.args.set(element.value, "select");
        break;
      case TYPE.tag:
        into.tags.add(element.value);
        placeholdersOf(element.children, into);
        break;
      default:
        break;
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.forms.set(element.value, new Set(Object.keys(element.options)));
      for (const option of Object.values(element.options)) placeholdersOf(option.value, into);
    }
  }
  return into;
}

export const placeholders = (message: string) =>
  placeholdersOf(parse(message, { requiresOtherClause: true }), { args: new Map(), tags: new Set(), forms: new Map() });

/** One message said in `locale` with `values`, alone (its key may hold dots: a code), errors thrown. */
function say(locale: string, message: string, values: Record<string, unknown>): string {
  const t = createTranslator({
    locale,
    messages: { message },
    onError: (error) => {
      throw error;
    },
  });
  return t.markup("message", values as never);
}

export interface CatalogSuiteOptions {
  readonly catalog: MessageCatalog<Tree>;
  readonly defaultLocale: string;
  /** The app's messages/ folder, to hold the languages to its files. */
  readonly folder: URL;
}

/** Registers the suite; await it at the top of the test file (it reads every language first). */
export async function describeMessageCatalogs({ catalog, defaultLocale, folder }: CatalogSuiteOptions) {
  const { locales } = catalog;
  const catalogs = new Map(
    await Promise.all(locales.map(async (locale) => [locale, await catalog.loadMessages(locale)] as const)),
  );
  const english = flattenMessages(catalogs.get(defaultLocale) ?? {});
  const others = locales.filter((locale) => locale !== defaultLocale);

  describe("the site's languages", () => {
    it("are the files in messages/, English the default among them", () => {
      const files = readdirSync(folder).filter((file) => file.endsWith(".json"));
      expect([...locales].sort()).toEqual(files.map((file) => file.slice(0, -".json".length)).sort());
      expect(locales).toContain("en");
      expect(defaultLocale).toBe("en");
      expect(locales.length).toBeGreaterThanOrEqual(5);
    });

    it("are each named in themselves in the switcher, and Arabic reads from the right", () => {
      expect(["en", "es", "fr", "de", "ar"].map(nativeName)).toEqual([
        "English",
        "Español",
        "Français",
        "Deutsch",
        "العربية",
      ]);
      expect(directionOf("ar")).toBe("rtl");
      for (const locale of ["en", "es", "fr", "de"]) expect(directionOf(locale), locale).toBe("ltr");
      expect(languagesOf(locales).map((language) => language.locale)).toHaveLength(locales.length);
    });
  });

  describe("English, the reference", () => {
    it("parses, and every plural has its 'other' form", () => {
      for (const [key, message] of english) expect(() => placeholders(message), key).not.toThrow();
    });
  });

  describe.each(others)("%s", (locale) => {
    const messages = flattenMessages(catalogs.get(locale) ?? {});
    const pluralForms = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);

    it("has exactly English's keys", () => {
      expect(
        [...english.keys()].filter((key) => !messages.has(key)),
        "missing",
      ).toEqual([]);
      expect(
        [...messages.keys()].filter((key) => !english.has(key)),
        "not in English",
      ).toEqual([]);
    });

    it("keeps every placeholder and tag of English's messages, and only those", () => {
      for (const [key, reference] of english) {
        const message = messages.get(key);
        if (message === undefined) continue;
        const expected = placeholders(reference);
        const actual = placeholders(message);
        expect([...actual.args.keys()].sort(), key).toEqual([...expected.args.keys()].sort());
        expect([...actual.tags].sort(), key).toEqual([...expected.tags].sort());
        // A select must offer what English's does (the site passes those values).
        for (const [arg, options] of expected.forms)
          if (expected.args.get(arg) === "select")
            expect([...(actual.forms.get(arg) ?? [])].sort(), `${key}: ${arg}`).toEqual([...options].sort());
      }
    });

    it("uses only the plural forms the language has", () => {
      for (const [key, message] of messages) {
        const found = placeholders(message);
        for (const [arg, forms] of found.forms) {
          if (found.args.get(arg) !== "number") continue;
          for (const form of forms)
            if (!form.startsWith("=")) expect(pluralForms, `${key}: ${arg} {${form}}`).toContain(form);
        }
      }
    });

    it("formats every message with values of English's kinds", () => {
      for (const [key, reference] of english) {
        const message = messages.get(key);
        if (message === undefined) continue;
        const { args, tags, forms } = placeholders(reference);
        const values: Record<string, string | number | ((chunks: string) => string)> = {};
        for (const [arg, kind] of args)
          values[arg] = kind === "number" ? 3 : kind === "select" ? [...(forms.get(arg) ?? ["other"])][0]! : "Otter";
        for (const tag of tags) values[tag] = (chunks) => `[${chunks}]`;
        const said = say(locale, message, values);
        expect(said, key).not.toBe("");
      }
    });
  });
}
