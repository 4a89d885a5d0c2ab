import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import "@landslide/ui/styles.css";

export const metadata: Metadata = {
  title: "Landslide",
  description: "Vote, keep your receipt, and watch the results live.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={GeistSans.variable}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <p>
            <strong>Landslide</strong> · your vote, counted once
          </p>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
