import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";

export interface ChildOptions {
  /** Shown in errors and status tables. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where stdout and stderr go; omitted means they are discarded. */
  readonly logFile?: string;
}

/** A child process we started and must stop: SIGTERM first, SIGKILL if it does not go. */
export class ManagedChild {
  readonly process: ChildProcess;
  private exited = false;
  private readonly exit: Promise<number | null>;
  private recentOutput = "";
  private lastOutput = Date.now();
  private exitCode: number | null = null;
  private exitSignal: NodeJS.Signals | null = null;

  constructor(readonly options: ChildOptions) {
    const logStream = options.logFile ? openLog(options.logFile) : undefined;
    this.process = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [this.process.stdout, this.process.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        logStream?.write(chunk);
        this.lastOutput = Date.now();
        // Keep the tail so a failure to start can say what the child said.
        this.recentOutput = (this.recentOutput + chunk.toString()).slice(-2000);
      });
    }
    this.exit = new Promise((resolve) => {
      this.process.once("error", () => {
        this.exited = true;
        resolve(null);
      });
      this.process.once("exit", (code, signal) => {
        this.exited = true;
        this.exitCode = code;
        this.exitSignal = signal;
        resolve(code);
      });
      // Output can still arrive after "exit" (pipes drain later); "close" comes after the last of it.
      this.process.once("close", () => logStream?.end());
    });
  }

  get name(): string {
    return this.options.name;
  }

  get alive(): boolean {
    return !this.exited;
  }

  get output(): string {
    return this.recentOutput;
  }

  /** When it last printed anything (or was started): how start-up waits tell slow from stuck. */
  get lastOutputAt(): number {
    return this.lastOutput;
  }

  /** "with code 1", "on signal SIGKILL": how it ended, for an error message. */
  get exitDescription(): string {
    if (this.exitSignal) return `on signal ${this.exitSignal}`;
    return this.exitCode === null ? "" : `with code ${this.exitCode}`;
  }

  /** Its last `count` non-empty lines of output, indented, for an error message. */
  tail(count: number): string {
    const lines = this.recentOutput.split("\n").filter((line) => line.trim());
    return lines.length
      ? lines
          .slice(-count)
          .map((line) => `  ${line.slice(0, 300)}`)
          .join("\n")
      : "  (nothing)";
  }

  /** Resolves with the exit code when the child ends, whoever ended it. */
  whenExited(): Promise<number | null> {
    return this.exit;
  }

  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    this.process.kill("SIGTERM");
    const timer = setTimeout(() => this.process.kill("SIGKILL"), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}

/** Logs can hold what a server printed about accounts (cognito-local prints confirmation codes): owner-only. */
function openLog(path: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return createWriteStream(path, { flags: "a", mode: 0o600 });
}
