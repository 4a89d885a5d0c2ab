/**
 * The languages Landslide writes to voters in. A message goes out in the language the voter roll
 * names for that voter (or the one a voter chose on the page), else English.
 */
export const mailLanguages = ["en", "es", "fr", "de", "ar"] as const;
export type MailLanguage = (typeof mailLanguages)[number];

export const DEFAULT_MAIL_LANGUAGE: MailLanguage = "en";

export function isMailLanguage(value: unknown): value is MailLanguage {
  return typeof value === "string" && (mailLanguages as readonly string[]).includes(value);
}

/** Arabic is written right to left: the HTML message says so, so mail programs mirror it. */
export function writingDirection(language: MailLanguage): "ltr" | "rtl" {
  return language === "ar" ? "rtl" : "ltr";
}
