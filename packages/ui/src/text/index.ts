/** What the shared components say, in the site's language: English by default (the console), the voter's own on the voter site. */
export { englishSentences, englishUiText, type UiArgs, type UiKey, type UiText, type UiValues } from "./ui-text";
export { UiTextProvider, useUiText } from "./ui-text-context";
