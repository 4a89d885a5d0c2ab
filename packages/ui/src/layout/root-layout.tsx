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
}

/**
 * Both apps' root layout: the page frame, and the providers with the public configuration read on
 * the server at request time (so the layout file must say `dynamic = "force-dynamic"`; Next.js
 * reads that, and the metadata, from the layout file itself).
 */
export function landslideRootLayout({ site, product, tagline, fontClassName, Providers }: RootLayoutOptions) {
  return function RootLayout({ children }: { children: ReactNode }) {
    return (
      <AppShell product={product} tagline={tagline} fontClassName={fontClassName}>
        <Providers config={publicConfig(site)}>{children}</Providers>
      </AppShell>
    );
  };
}
