import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { landslideRootLayout } from "@landslide/ui/root-layout";
import "@landslide/ui/styles.css";
import { ConsoleGate } from "./console-gate";
import { ConsoleNav } from "./console-nav";
import { ConsoleProviders } from "./providers";

export const metadata: Metadata = {
  title: "Landslide Console",
  description: "Run elections, watch them live, review fraud and certify results.",
};

// The public configuration comes from the environment at request time.
export const dynamic = "force-dynamic";

const Root = landslideRootLayout({
  site: "console",
  product: "Landslide Console",
  tagline: "for election officials and operators",
  fontClassName: GeistSans.variable,
  Providers: ConsoleProviders,
  Navigation: ConsoleNav,
});

/** Every page behind the gate; the header's navigation shows itself only once the gate would let one in. */
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <Root>
      <ConsoleGate>{children}</ConsoleGate>
    </Root>
  );
}
