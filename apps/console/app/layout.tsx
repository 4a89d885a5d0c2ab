import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { AppShell } from "@landslide/ui";
import "@landslide/ui/styles.css";
import { publicConfig } from "../lib/public-config";
import { ConsoleGate } from "./console-gate";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Landslide Console",
  description: "Run elections, watch them live, review fraud and certify results.",
};

// The public configuration comes from the environment at request time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell product="Landslide Console" tagline="for election officials and operators" fontClassName={GeistSans.variable}>
      <Providers config={publicConfig()}>
        <ConsoleGate>{children}</ConsoleGate>
      </Providers>
    </AppShell>
  );
}
