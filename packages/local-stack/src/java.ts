import { spawnSync } from "node:child_process";
import { LocalStackError } from "./errors";

const MINIMUM_JAVA = 17;

/**
 * Each check starts a JVM, which takes seconds on a busy machine, and both the launcher (early,
 * before it touches anything) and startDynamoDbLocal ask: a passed check is remembered.
 */
const passed = new Map<string, number | true>();

/** DynamoDB Local is a Java program: fail early, in one line, when no suitable Java is installed. */
export function assertJava(command = "java"): number {
  const known = passed.get(`java ${command}`);
  if (typeof known === "number") return known;
  const result = spawnSync(command, ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new LocalStackError(
      `Java ${MINIMUM_JAVA}+ is required to run DynamoDB Local but '${command}' was not found: install it (Debian: apt-get install -y openjdk-17-jdk-headless) or set LANDSLIDE_STACK=aws.`,
    );
  }
  // `java -version` prints e.g. 'openjdk version "17.0.15"' or 'java version "1.8.0_392"' on stderr.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  const major = match ? (match[1] === "1" ? Number(match[2]) : Number(match[1])) : NaN;
  if (!(major >= MINIMUM_JAVA)) {
    throw new LocalStackError(
      `Java ${MINIMUM_JAVA}+ is required to run DynamoDB Local, found ${Number.isNaN(major) ? "an unknown version" : `Java ${major}`}: install openjdk-17-jdk-headless.`,
    );
  }
  passed.set(`java ${command}`, major);
  return major;
}

/**
 * DynamoDB Local is started through a launcher that `java` compiles from source on the fly (it
 * binds the server to loopback); that needs the JDK's compiler module, which a bare JRE may lack.
 */
export function assertJavaCompiler(command = "java"): void {
  if (passed.has(`javac ${command}`)) return;
  const result = spawnSync(command, ["--list-modules"], { encoding: "utf8" });
  if (result.error || result.status !== 0 || !/^jdk\.compiler@/m.test(result.stdout)) {
    throw new LocalStackError(
      `DynamoDB Local is started through a launcher that needs a Java ${MINIMUM_JAVA}+ JDK (the jdk.compiler module), but '${command}' is a runtime without it: install a JDK (Debian: apt-get install -y openjdk-17-jdk-headless) or set LANDSLIDE_STACK=aws.`,
    );
  }
  passed.set(`javac ${command}`, true);
}
