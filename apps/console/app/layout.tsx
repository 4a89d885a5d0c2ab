import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GeistSans } from "geist/font/sans";
import "@landslide/ui/styles.css";

export const metadata: Metadata = {
  title: "Landslide Console",
  description: "Run elections, watch them live, review fraud and certify results.",
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
            <strong>Landslide Console</strong> · for election officials and operators
          </p>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
