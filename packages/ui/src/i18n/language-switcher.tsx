"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import type { Language } from "./languages";
import "./language-switcher.css";
import { Link, usePathname } from "./navigation";

/**
 * The site's languages, each named in itself, as plain links: they work with a keyboard, a screen
 * reader and without JavaScript, and each leads to the same page (its query kept) in that language.
 */
export function LanguageSwitcher({ label, languages }: { label: string; languages: readonly Language[] }) {
  const current = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams());
  return (
    <nav aria-label={label} className="ls-languages">
      <ul>
        {languages.map(({ locale, name, dir }) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              // Another language's link carries its prefix (English's too: the proxy then remembers the choice).
              locale={locale === current ? undefined : locale}
              lang={locale}
              hrefLang={locale}
              dir={dir}
              aria-current={locale === current ? "true" : undefined}
            >
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
