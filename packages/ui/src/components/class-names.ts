/** Joins the class names that are set; the components add the caller's `className` after their own. */
export function classNames(...names: readonly (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
