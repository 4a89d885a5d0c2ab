/**
 * A web app's languages are its message files, messages/<locale>.json, one per language, which the
 * app finds when it is built (Turbopack's import.meta.glob; Vite's, under vitest) and hands here.
 * Adding a language is adding its file. English (en.json) is the reference every other file must
 * match key for key and placeholder for placeholder (catalog-suite.ts), and the type of the messages.
 */
export type MessageFiles<M> = Record<string, () => Promise<{ default: M }>>;

export interface MessageCatalog<M> {
  /** The locale of each message file: its name, a BCP 47 tag ("en", "es", "pt-BR"). */
  readonly locales: readonly string[];
  /** A language's messages, read when a page in it is first rendered. */
  readonly loadMessages: (locale: string) => Promise<M>;
}

const FILE = /\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/;

export function messageCatalog<M>(files: MessageFiles<M>): MessageCatalog<M> {
  const byLocale = new Map(
    Object.entries(files).map(([path, load]) => {
      const locale = FILE.exec(path)?.[1];
      if (!locale) throw new Error(`${path} is not named after a language: name it like en.json or pt-BR.json`);
      return [locale, load] as const;
    }),
  );
  return {
    locales: [...byLocale.keys()],
    loadMessages: async (locale) => {
      const load = byLocale.get(locale);
      if (!load) throw new Error(`No messages for ${locale}`);
      // The module's default export, taken here: Turbopack's `import: "default"` option drops it when
      // next-intl's loader has compiled the file (next.config.ts).
      return nestedAtDots((await load()).default);
    },
  };
}

/**
 * Keys are paths: next-intl's loader nests a key written with dots ("election.create", an audit
 * action's code under `words`) as it compiles the file, and its translator reads "a.b" as a path.
 * Files read raw (under vitest) are nested here the same way, so pages and tests see one shape;
 * a compiled file has no dotted key left, and goes through unchanged.
 */
export function nestedAtDots<T>(tree: T): T {
  if (tree === null || typeof tree !== "object" || Array.isArray(tree)) return tree;
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = key.split(".");
    let at = nested;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[path.at(-1)!] = nestedAtDots(value);
  }
  return nested as T;
}
