import createNextIntlPlugin from "next-intl/plugin";
import { landslideNextConfig } from "@landslide/ui/next-config";

// next-intl finds each request's language and messages in i18n/request.ts. The messages are
// compiled when the console is built, so pages ship the small formatter, not the ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", sourceLocale: "en", precompile: true },
  },
});

export default withNextIntl(landslideNextConfig());
