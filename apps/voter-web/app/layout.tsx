import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { landslideRootLayout } from "@landslide/ui/root-layout";
import "@landslide/ui/styles.css";
import { VoterProviders } from "./providers";

export const metadata: Metadata = {
  title: "Landslide",
  description: "Vote, keep your receipt, and watch the results live.",
};

// The public configuration comes from the environment at request time.
export const dynamic = "force-dynamic";

export default landslideRootLayout({
  site: "voter",
  product: "Landslide",
  tagline: "your vote, counted once",
  fontClassName: GeistSans.variable,
  Providers: VoterProviders,
});
