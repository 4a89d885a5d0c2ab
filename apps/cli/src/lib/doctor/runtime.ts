import { assertJava, LocalStackError } from "@landslide/local-stack";
import type { Config } from "@landslide/config";
import { type Check, fail, ok } from "./check";

/** The Node.js the repository supports (package.json `engines`). */
const MINIMUM_NODE = [20, 9] as const;

export function checkNode(version = process.versions.node): Check {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const supported = major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
  return supported
    ? ok("Node.js", `v${version}`)
    : fail("Node.js", `v${version} is older than ${MINIMUM_NODE.join(".")}`, "install Node.js 20.9 or later: nvm install 20 (or your package manager's nodejs 20)");
}

/** Java 17+, found the way the local stack finds it before starting DynamoDB Local. */
export function checkJava(stack: Config["stack"]): Check {
  try {
    return ok("Java", `Java ${assertJava()} ('java' on the PATH)`);
  } catch (error) {
    if (!(error instanceof LocalStackError)) throw error;
    if (stack === "aws") return ok("Java", "not needed with LANDSLIDE_STACK=aws (no DynamoDB Local)");
    // assertJava's message is "<what was found>: install …"; the fix line says that part.
    return fail("Java", error.message.split(": install")[0] ?? error.message, "apt-get install openjdk-17-jre-headless (or set LANDSLIDE_STACK=aws)");
  }
}
