import type { ComponentType, ReactNode } from "react";
import { AppShell } from "../app-shell";
import { type PublicConfig, publicConfig, type Site } from "../client/public-config";

/** The document and the app's client providers: what stays the same from page to page. */
export interface DocumentOptions {
  readonly site: Site;
  readonly fontClassName: string;
  /** The app's client providers (LandslideProviders with the app's own settings), given the public configuration. */
  readonly Providers: ComponentType<{ config: PublicConfig; children: ReactNode }>;
  /** The document's language, a BCP 47 tag: "en" unless told (the console). */
  readonly lang?: string;
  /** "rtl" for a language written from the right (Arabic); the document is left-to-right unless told. */
  readonly dir?: "ltr" | "rtl";
}

export interface RootLayoutOptions extends DocumentOptions {
  readonly product: string;
  readonly tagline: string;
  /** The app's primary navigation, shown in the header (the console's); rendered inside the providers. */
  readonly Navigation?: ComponentType;
}

/**
 * The document: <html> in the page's language and direction, and the providers with the public
 * configuration read on the server at request time (so the layout file must say
 * `dynamic = "force-dynamic"`; Next.js reads that, and the metadata, from the layout file itself).
 * The voter site puts its page frame (AppShell) one layout further in, under its [locale]
 * segment, so that switching languages keeps the providers, and with them the voter's session.
 */
export function LandslideDocument({
  site,
  fontClassName,
  Providers,
  lang = "en",
  dir,
  children,
}: DocumentOptions & { children: ReactNode }) {
  return (
    <html lang={lang} dir={dir} className={fontClassName}>
      <body>
        <Providers config={publicConfig(site)}>{children}</Providers>
      </body>
    </html>
  );
}

/**
 * Both apps' root layout when the site speaks one language (the console): the document, and the
 * page frame inside the providers, so the header's navigation shares the page's session and client.
 */
export function landslideRootLayout({ product, tagline, Navigation, ...document }: RootLayoutOptions) {
  return function RootLayout({ children }: { children: ReactNode }) {
    return (
      <LandslideDocument {...document}>
        <AppShell product={product} tagline={tagline} navigation={Navigation ? <Navigation /> : undefined}>
          {children}
        </AppShell>
      </LandslideDocument>
    );
  };
}
