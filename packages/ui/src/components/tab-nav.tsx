import Link from "next/link";
import type { ReactNode } from "react";
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
  return (
    <nav aria-label={label} className={classNames("ls-tab-nav", className)}>
      <ul>
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
