/** The last meaningful line a process printed, for a one-line error. JSON log lines yield their message. */
export function lastLine(output: string): string {
  const line = output.trim().split("\n").filter(Boolean).at(-1) ?? "(it printed nothing)";
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    if (typeof parsed.msg === "string") return parsed.msg;
  } catch {
    // not JSON
  }
  return line.slice(0, 300);
}
