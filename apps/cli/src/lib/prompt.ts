import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { Errors } from "@oclif/core";
import { EXIT } from "./public-client";

/**
 * Asks on the terminal (on stderr, so stdout stays the command's output). With `hidden`, what is
 * typed is not echoed: for passwords. (@oclif/core 4 has no prompt of its own.)
 */
export function ask(question: string, { hidden = false }: { hidden?: boolean } = {}): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(
      new Errors.CLIError(
        `There is no terminal to ask "${question.trim()}" on: pass it as a flag (a password with --password-stdin).`,
        { exit: EXIT.usage },
      ),
    );
  }
  let echo = true;
  const output = new Writable({
    // Strings are decoded to Buffers before they get here (decodeStrings, on by default).
    write(chunk: Buffer, encoding, done) {
      if (echo) process.stderr.write(chunk, encoding);
      done();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    terminal.question(question, (answer) => {
      terminal.close();
      if (hidden) process.stderr.write("\n");
      resolve(answer);
    });
    // The question itself is shown; from here on, only what is typed would be.
    echo = !hidden;
    terminal.once("SIGINT", () => {
      terminal.close();
      process.stderr.write("\n");
      reject(new Errors.CLIError("Cancelled.", { exit: 130 }));
    });
  });
}

/** Everything piped to stdin, without the line end `echo` or a file adds. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new Errors.CLIError(
      "--password-stdin reads the password from a pipe, e.g. `pass show landslide | election login --password-stdin`.",
      { exit: EXIT.usage },
    );
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}
