import type { ReactNode } from "react";

/** The frame of every page: a skip link, the product line, and the one main landmark. */
export function AppShell({
  product,
  tagline,
  fontClassName,
  children,
}: {
  product: string;
  tagline: string;
  fontClassName: string;
  children: ReactNode;
}) {
  return (
    <html lang="en" className={fontClassName}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <p>
            <strong>{product}</strong> · {tagline}
          </p>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
