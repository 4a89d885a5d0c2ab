"use client";

import { useEffect } from "react";

/**
 * Keeps <html lang dir> the page's after a switch of language made in the page: the document is
 * the root layout's, which a navigation between languages does not render again.
 */
export function DocumentLanguage({ lang, dir }: { lang: string; dir: "ltr" | "rtl" }) {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir]);
  return null;
}
