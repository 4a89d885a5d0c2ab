import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { getLocale } from "next-intl/server";
import { directionOf } from "@landslide/ui/i18n/languages";
import { LandslideDocument } from "@landslide/ui/root-layout";
import "@landslide/ui/styles.css";
import { ConsoleProviders } from "./providers";

// The public configuration comes from the environment at request time.
export const dynamic = "force-dynamic";

/**
 * The document and the console's client (its session, its query cache), above the page's
 * language: switching languages re-renders the pages under [locale], never this, so an official
 * stays signed in. <html lang dir> is the requested page's (the proxy routed it), and follows a
 * switch made in the page (DocumentLanguage, in [locale]/language-frame.tsx).
 */
export default async function ConsoleDocument({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <LandslideDocument
      site="console"
      fontClassName={GeistSans.variable}
      Providers={ConsoleProviders}
      lang={locale}
      dir={directionOf(locale)}
    >
      {children}
    </LandslideDocument>
  );
}
