import { createNavigation } from "next-intl/navigation";
import { defaultLocale, localePrefix } from "./addressing";

/**
 * Links and the router, keeping the page's language in the address (next/link's, with the locale
 * added). They need only how addresses are written, not the list of languages: that list is the
 * message files, which must not be bundled into the client's first load.
 */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation({
  defaultLocale,
  localePrefix,
});
