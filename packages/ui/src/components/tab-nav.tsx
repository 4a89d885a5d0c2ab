"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useRef } from "react";
import { classNames } from "./class-names";

export interface TabNavItem {
  readonly href: string;
  readonly label: ReactNode;
  /** The page being shown: marked with aria-current="page" and underlined. */
  readonly current?: boolean;
}

/**
 * Links to a record's sub-pages (Overview, Roll, Fraud review…) that look like tabs. They are
 * links, not ARIA tabs: each has its own address, history and new-tab behaviour.
 */
export function TabNav({
  label,
  items,
  className,
}: {
  label: string;
  items: readonly TabNavItem[];
  className?: string;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const current = items.find((item) => item.current)?.href;
  // On a phone the links slide sideways on one line (styles.css): the current one is kept in
  // sight, on arrival and whenever the strip changes width (a phone turned, a window narrowed).
  useEffect(() => {
    const strip = listRef.current;
    if (!strip) return;
    const showCurrent = () => {
      const link = strip.querySelector<HTMLElement>('[aria-current="page"]');
      if (!link || strip.scrollWidth <= strip.clientWidth) return;
      const [box, tab] = [strip.getBoundingClientRect(), link.getBoundingClientRect()];
      strip.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
    };
    showCurrent();
    const resized = new ResizeObserver(showCurrent);
    resized.observe(strip);
    return () => resized.disconnect();
  }, [current]);
  return (
    <nav aria-label={label} className={classNames("ls-tab-nav", className)}>
      <ul ref={listRef}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="ls-tab" aria-current={item.current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
