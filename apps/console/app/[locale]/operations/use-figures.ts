import { useLocale, useTranslations } from "next-intl";
import { type Figures, figuresIn } from "./figures-format";

/** The operations page's figures in the page's language. */
export function useFigures(): Figures {
  return figuresIn(useTranslations(), useLocale());
}
