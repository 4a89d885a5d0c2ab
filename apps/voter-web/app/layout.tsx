import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { AppShell } from "@landslide/ui";
import "@landslide/ui/styles.css";

export const metadata: Metadata = {
  title: "Landslide",
  description: "Vote, keep your receipt, and watch the results live.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell product="Landslide" tagline="your vote, counted once" fontClassName={GeistSans.variable}>
      {children}
    </AppShell>
  );
}
