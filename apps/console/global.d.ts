import type { Messages } from "./i18n/catalogs";

// next-intl's types read the messages from English (messages/en.json): a key used in code that
// English lacks fails the typecheck; test/messages.test.ts holds every other language to English.
declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
