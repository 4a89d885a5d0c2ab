import { messageCatalog } from "@landslide/ui/i18n/message-catalog";
import type english from "../messages/en.json";

/**
 * The site's languages are its message files: messages/<locale>.json, one per language, found
 * here when the site is built (Turbopack's import.meta.glob; Vite's, under vitest). Adding a
 * language is adding its file. English (en.json) is the reference every other file must match key
 * for key and placeholder for placeholder (test/messages.test.ts), and the type of the messages.
 */
export type Messages = typeof english;

export const { locales, loadMessages } = messageCatalog(import.meta.glob<{ default: Messages }>("../messages/*.json"));
