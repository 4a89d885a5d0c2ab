import type { Translate } from "../../i18n/english";
import type { PrimaryNavItem } from "./primary-nav";

/** Which sections an account's roles open: officials run elections, operators run the deployment. */
interface Roles {
  readonly isOfficial: boolean;
  readonly isOperator: boolean;
}

interface Section {
  readonly href: string;
  readonly label: "elections" | "fraud" | "audit" | "operations";
  readonly for: keyof Roles;
  /** Whether a path is inside this section (its own page, or one under it). */
  readonly holds: (path: string) => boolean;
}

// An election's fraud review belongs to "Fraud review", not "Elections": it is where an official
// working through held ballots across elections is, and where the nav should say they are.
const isElectionFraudReview = (path: string) => /^\/elections\/[^/]+\/fraud(\/|$)/.test(path);

const SECTIONS: readonly Section[] = [
  {
    href: "/",
    label: "elections",
    for: "isOfficial",
    holds: (path) => path === "/" || (path.startsWith("/elections") && !isElectionFraudReview(path)),
  },
  {
    href: "/fraud",
    label: "fraud",
    for: "isOfficial",
    holds: (path) => path === "/fraud" || path.startsWith("/fraud/") || isElectionFraudReview(path),
  },
  {
    href: "/audit",
    label: "audit",
    for: "isOfficial",
    holds: (path) => path === "/audit" || path.startsWith("/audit/"),
  },
  {
    href: "/operations",
    label: "operations",
    for: "isOperator",
    holds: (path) => path === "/operations" || path.startsWith("/operations/"),
  },
];

/**
 * The console's sections this account may open, the one holding `path` marked current. `path` is
 * the address without its language (next-intl's usePathname): "/elections/…", in every language.
 */
export function consoleSections(roles: Roles, path: string, t: Translate): PrimaryNavItem[] {
  return SECTIONS.filter((section) => roles[section.for]).map((section) => {
    const current = section.href === path ? "page" : section.holds(path) ? "section" : undefined;
    return { href: section.href, label: t(`sections.${section.label}`), ...(current ? { current } : {}) };
  });
}
