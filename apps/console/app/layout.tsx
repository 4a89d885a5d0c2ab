import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import { AppShell } from "@landslide/ui";
import "@landslide/ui/styles.css";

export const metadata: Metadata = {
  title: "Landslide Console",
  description: "Run elections, watch them live, review fraud and certify results.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell product="Landslide Console" tagline="for election officials and operators" fontClassName={GeistSans.variable}>
      {children}
    </AppShell>
  );
}
