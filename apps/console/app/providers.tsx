"use client";

import type { ReactNode } from "react";
import { LandslideProviders, type PublicConfig } from "@landslide/ui/client";

/**
 * The console's client: no device key or passkey (officials do not cast), reads fresh for 2 s (the
 * figures move while officials watch). They wrap the whole frame, header included, so the
 * navigation reads the same session as the page (the gate is in layout.tsx, around the page only).
 * As on the voter site, the session stays in this tab's memory only: an official's tokens can do
 * much more than a voter's, so no script may read them back from storage; a reload asks for the
 * password again.
 */
export function ConsoleProviders({ config, children }: { config: PublicConfig; children: ReactNode }) {
  return (
    <LandslideProviders config={config} staleTimeMs={2_000}>
      {children}
    </LandslideProviders>
  );
}
