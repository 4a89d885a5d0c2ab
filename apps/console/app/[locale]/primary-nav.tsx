"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { EmailAddress } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";

export interface PrimaryNavItem {
  /** Without the language ("/audit"): the link adds the page's. */
  readonly href: string;
  readonly label: string;
  /**
   * "page": this link's own page is shown (aria-current="page"); "section": a page inside its
   * section is (an election's fraud review under "Fraud review"), aria-current="true".
   */
  readonly current?: "page" | "section";
}

export interface PrimaryNavAccount {
  /** Who is signed in, as they would recognise themselves (their e-mail address). */
  readonly name: string;
  readonly onSignOut: () => void;
}

/**
 * An app's sections in the header, with the current one marked. Under 40rem the links fold into a
 * "Menu" button (the disclosure pattern: aria-expanded, Esc closes and gives focus back), so a
 * phone keeps the header to one line and the page starts right under it. Styled by
 * @landslide/ui's layout/app-shell.css (`ls-shell-*`). It lives in the console because the UI
 * package has no client-safe export for it yet (its root-layout module reads the server's
 * configuration, which must never reach a browser bundle).
 */
export function PrimaryNav({
  label,
  items,
  account,
}: {
  /** The landmark's name ("Console"), in the page's language: a page may have other navigation (an election's sub-pages). */
  label: string;
  items: readonly PrimaryNavItem[];
  account?: PrimaryNavAccount;
}) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const current = items.find((item) => item.current);
  const close = () => setOpen(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    close();
    menuButtonRef.current?.focus();
  };
  return (
    <nav aria-label={label} className="ls-shell-nav" data-open={open} onKeyDown={onKeyDown}>
      <button
        ref={menuButtonRef}
        type="button"
        className="ls-shell-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span className="ls-shell-menu-icon" aria-hidden="true" />
        {t("menu")}
        {/* Where you are, even with the menu shut; the screen reader hears it from aria-current inside. */}
        {current ? <span className="ls-shell-menu-current"> · {current.label}</span> : null}
      </button>
      <div id={panelId} className="ls-shell-panel">
        <ul className="ls-shell-links">
          {items.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="ls-shell-link"
                aria-current={item.current === "page" ? "page" : item.current === "section" ? "true" : undefined}
                onClick={close}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        {account ? (
          <p className="ls-shell-account">
            <span className="ls-shell-account-name">
              <EmailAddress value={account.name} />
            </span>
            <button type="button" className="ls-shell-sign-out" onClick={account.onSignOut}>
              {t("signOut")}
            </button>
          </p>
        ) : null}
      </div>
    </nav>
  );
}
