import type { ComponentType, ReactNode } from "react";
import { AppShell } from "../app-shell";
import { type PublicConfig, publicConfig, type Site } from "../client/public-config";

interface RootLayoutOptions {
  readonly site: Site;
  readonly product: string;
  readonly tagline: string;
  readonly fontClassName: string;
  /** The app's client providers (LandslideProviders with the app's own settings), given the public configuration. */
  readonly Providers: ComponentType<{ config: PublicConfig; children: ReactNode }>;
  /** The app's primary navigation, shown in the header (the console's); rendered inside the providers. */
  readonly Navigation?: ComponentType;
}

/**
 * Both apps' root layout: the document, the providers with the public configuration read on the
 * server at request time (so the layout file must say `dynamic = "force-dynamic"`; Next.js reads
 * that, and the metadata, from the layout file itself), and the page frame inside them, so the
 * header's navigation shares the page's session and client.
 */
export function landslideRootLayout({
  site,
  product,
  tagline,
  fontClassName,
  Providers,
  Navigation,
}: RootLayoutOptions) {
  return function RootLayout({ children }: { children: ReactNode }) {
    return (
      <html lang="en" className={fontClassName}>
        <body>
          <Providers config={publicConfig(site)}>
            <AppShell product={product} tagline={tagline} navigation={Navigation ? <Navigation /> : undefined}>
              {children}
            </AppShell>
          </Providers>
        </body>
      </html>
    );
  };
}
