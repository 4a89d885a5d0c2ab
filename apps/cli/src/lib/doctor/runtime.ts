import { assertCeph, assertJava, assertJavaCompiler, LocalStackError } from "@landslide/local-stack";
import type { Config } from "@landslide/config";
import { type Check, fail, ok } from "./check";

/** The Node.js the repository supports (package.json `engines`). */
const MINIMUM_NODE = [24, 0] as const;

export function checkNode(version = process.versions.node): Check {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const supported = major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
  return supported
    ? ok("Node.js", `v${version}`)
    : fail(
        "Node.js",
        `v${version} is older than ${MINIMUM_NODE.join(".")}`,
        "run it through npm (npx election …, npm run …): npm install puts Node.js 24 in node_modules/.bin; or install Node.js 24 LTS",
      );
}

const INSTALL_JDK = "apt-get install openjdk-17-jdk-headless (or set LANDSLIDE_STACK=aws)";

/**
 * Java 17+ with its compiler module, found the way the local stack finds them before starting
 * DynamoDB Local (its loopback launcher is compiled from source by 'java' as it starts).
 */
export function checkJava(stack: Config["stack"]): Check {
  try {
    const major = assertJava();
    assertJavaCompiler();
    return ok("Java", `Java ${major} with its compiler ('java' on the PATH)`);
  } catch (error) {
    if (!(error instanceof LocalStackError)) throw error;
    if (stack === "aws") return ok("Java", "not needed with LANDSLIDE_STACK=aws (no DynamoDB Local)");
    // The messages are "<what was found>: install …"; the fix line says that part.
    return fail("Java", error.message.split(": install")[0] ?? error.message, INSTALL_JDK);
  }
}

/** Ceph's daemons, for the local S3 that keeps the audit archive under Object Lock. */
export async function checkCeph(stack: Config["stack"]): Promise<Check> {
  if (stack === "aws") return ok("Ceph (local S3)", "not needed with LANDSLIDE_STACK=aws (the audit bucket is on S3)");
  try {
    await assertCeph();
    return ok("Ceph (local S3)", "radosgw, ceph-mon and ceph-osd on the PATH");
  } catch (error) {
    if (!(error instanceof LocalStackError)) throw error;
    return fail(
      "Ceph (local S3)",
      error.message.split(": install")[0] ?? error.message,
      "apt-get install --no-install-recommends radosgw ceph-mon ceph-osd (or set LANDSLIDE_STACK=aws)",
    );
  }
}
