import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { getLocale } from "next-intl/server";
import { LandslideDocument } from "@landslide/ui/root-layout";
import "@landslide/ui/styles.css";
import { directionOf } from "@landslide/ui/i18n/languages";
import { VoterProviders } from "./voter-providers";

// The public configuration comes from the environment at request time.
export const dynamic = "force-dynamic";

/**
 * The document and the voter's client (its session, its query cache), above the page's language:
 * switching languages re-renders the pages under [locale], never this, so a signed-in voter stays
 * signed in. <html lang dir> is the requested page's (the proxy routed it), and follows a switch
 * made in the page (DocumentLanguage, in [locale]/layout.tsx).
 */
export default async function VoterDocument({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <LandslideDocument
      site="voter"
      fontClassName={GeistSans.variable}
      Providers={VoterProviders}
      lang={locale}
      dir={directionOf(locale)}
    >
      {children}
    </LandslideDocument>
  );
}
