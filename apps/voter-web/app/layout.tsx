import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { AppShell } from "@landslide/ui";
import "@landslide/ui/styles.css";
import { publicConfig } from "../lib/public-config";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Landslide",
  description: "Vote, keep your receipt, and watch the results live.",
};

// The public configuration comes from the environment at request time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell product="Landslide" tagline="your vote, counted once" fontClassName={GeistSans.variable}>
      <Providers config={publicConfig()}>{children}</Providers>
    </AppShell>
  );
}
