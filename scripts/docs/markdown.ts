/**
 * A Markdown table; cells are escaped so that a `|` or a line break in the code's text cannot
 * break a row, nor a `<data dir>` become an HTML tag.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function cell(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, "&lt;").replace(/>/g, "&gt;")))
    .join("")
    .replace(/\|/g, "\\|");
}

/** `text` as inline code. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** The text of a comment (`//` lines or a `/** … *\/` block) as one line. */
export function commentText(comment: string): string {
  return comment
    .replace(/^\/\*\*?|\*\/$/g, "")
    .split("\n")
    .map((line) => line.replace(/^\s*(\/\/|\*)?\s?/, ""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
