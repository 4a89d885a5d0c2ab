import { defineRouting } from "next-intl/routing";
import { defaultLocale, localePrefix } from "@landslide/ui/i18n/addressing";
import { locales } from "./catalogs";

/**
 * The console's languages (one per message file) and their addresses, for the proxy and the
 * server. A first visit without a prefix is answered in the browser's language (Accept-Language),
 * then in the one last chosen (next-intl's cookie).
 */
export const routing = defineRouting({ locales, defaultLocale, localePrefix });
