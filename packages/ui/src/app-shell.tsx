import type { ReactNode } from "react";
import "./layout/app-shell.css";

/**
 * The frame of every page: a skip link, the header (the product line, an app's primary
 * navigation when it has one, and what the site puts at the header's end: the voter site's
 * languages), and the one main landmark. It sits inside the app's providers so the navigation can
 * read the session; the document itself (html, body) is the root layout's.
 */
export function AppShell({
  product,
  tagline,
  navigation,
  headerEnd,
  skipLinkLabel = "Skip to content",
  children,
}: {
  product: string;
  tagline: string;
  /** The app's primary navigation (the console's sections); the voter site has none. */
  navigation?: ReactNode;
  /** At the end of the header bar: the voter site's language switcher. */
  headerEnd?: ReactNode;
  /** The skip link's words, in the page's language. */
  skipLinkLabel?: string;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        {skipLinkLabel}
      </a>
      <header className="site-header ls-shell-header">
        <div className="ls-shell-bar">
          <p className="ls-shell-product">
            <strong>{product}</strong> <span className="ls-shell-tagline">· {tagline}</span>
          </p>
          {navigation}
          {headerEnd}
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
