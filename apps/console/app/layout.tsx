import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { landslideRootLayout } from "@landslide/ui/root-layout";
import "@landslide/ui/styles.css";
import { ConsoleProviders } from "./providers";

export const metadata: Metadata = {
  title: "Landslide Console",
  description: "Run elections, watch them live, review fraud and certify results.",
};

// The public configuration comes from the environment at request time.
export const dynamic = "force-dynamic";

export default landslideRootLayout({
  site: "console",
  product: "Landslide Console",
  tagline: "for election officials and operators",
  fontClassName: GeistSans.variable,
  Providers: ConsoleProviders,
});
