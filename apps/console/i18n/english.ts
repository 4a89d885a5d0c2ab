import { createTranslator } from "next-intl";
import { nestedAtDots } from "@landslide/ui/i18n/message-catalog";
import english from "../messages/en.json";
import type { Messages } from "./catalogs";

/**
 * The console's translator, as useTranslations() (in components) and getTranslations() (on the
 * server) give it for every namespace. The console's pure modules take one as an argument.
 */
export type Translate = ReturnType<typeof createTranslator<Messages>>;

/** Any message's key ("audit.heading"): for keys made from a code (words.refusal.<REASON>), checked with `has` first. */
export type MessageKey = Parameters<Translate["has"]>[0];

/** The English messages' translator, for tests: pages use the one of their language, so this file (and en.json with it) is never bundled for the browser. */
export const inEnglish: Translate = createTranslator({ locale: "en", messages: nestedAtDots(english) });
