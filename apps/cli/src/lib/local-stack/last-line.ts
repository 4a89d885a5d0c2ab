/**
 * The last meaningful line a process printed, for a one-line error. JSON log lines yield their
 * message. Node's report of an uncaught exception ends with stack frames and "Node.js v20…":
 * those are skipped, so the line is the error itself ("TypeError: …").
 */
export function lastLine(output: string): string {
  const lines = output
    .trim()
    .split("\n")
    .filter((line) => line.trim() && !/^\s+at /.test(line) && !/^Node\.js v\d/.test(line));
  const line = lines.at(-1) ?? "(it printed nothing)";
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    if (typeof parsed.msg === "string") return parsed.msg;
  } catch {
    // not JSON
  }
  return line.slice(0, 300);
}
