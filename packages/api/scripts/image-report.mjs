// What the API image weighs (the Dockerfile's `api` target), against its 250 MB budget.
//   npm run image:report -w @landslide/api [-- <docker build options, e.g. --platform linux/arm64>]
// With a usable Docker it builds the image and reads the sizes Docker reports. Without one it
// builds what goes into the image in a temporary folder and measures that: the bundle
// (build.mjs) and, for comparison, the pruned production install (turbo prune @landslide/api
// --docker, npm ci --omit=dev), which the image does not need; the base image is then an estimate.
// LANDSLIDE_BASE_IMAGE_MB replaces that estimate; LANDSLIDE_IMAGE_REPORT_KEEP=1 keeps the folder.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const LIMIT_MB = 250;
/**
 * node:24-bookworm-slim as `docker images` reports it, uncompressed, where Docker cannot say:
 * node:22-slim is reported at 220 MB, and Node 24's binary is about 10 MB larger than Node 22's
 * (127 MB for linux-x64). Debian (~75 MB), node, npm, corepack, yarn and the headers.
 */
const BASE_ESTIMATE_MB = 230;

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(packageDir, "../..");
const baseImage =
  readFileSync(join(repoRoot, "Dockerfile"), "utf8").match(/^ARG NODE_IMAGE=(\S+)$/m)?.[1] ?? "node:24-bookworm-slim";
const mb = (bytes) => bytes / 1e6;
const show = (megabytes) => `${megabytes.toFixed(1)} MB`;
const verdict = (megabytes) =>
  megabytes <= LIMIT_MB ? `within the ${LIMIT_MB} MB budget` : `OVER the ${LIMIT_MB} MB budget`;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

function dockerUsable() {
  return spawnSync("docker", ["info"], { stdio: "ignore" }).status === 0;
}

/** Bytes of the files under a folder as a layer would hold them (apparent sizes, links not followed). */
function sizeOf(path) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0);
}

/** The installed packages (top level of node_modules, scopes opened), largest first. */
function packagesBySize(nodeModules) {
  const packages = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith(".")) continue;
    const names = entry.startsWith("@")
      ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of names) packages.push({ name, bytes: sizeOf(join(nodeModules, name)) });
  }
  return packages.sort((a, b) => b.bytes - a.bytes);
}

function withDocker(extraArgs) {
  const tag = "landslide-api:image-report";
  // The release pipeline places Amazon RDS's CA bundle here; its few hundred kB do not matter to
  // the figure, so an empty stand-in is used (and removed) when it is absent.
  const pem = join(repoRoot, "docker", "rds-global-bundle.pem");
  const standIn = !existsSync(pem);
  if (standIn) writeFileSync(pem, "");
  try {
    run("docker", ["build", "--target", "api", "-t", tag, ...extraArgs, repoRoot]);
  } finally {
    if (standIn) rmSync(pem, { force: true });
  }
  const sizeOfImage = (image) =>
    Number(execFileSync("docker", ["image", "inspect", "-f", "{{.Size}}", image], { encoding: "utf8" }).trim());
  const image = mb(sizeOfImage(tag));
  const base = mb(sizeOfImage(baseImage));
  console.log("\nThe API image, built by Docker (uncompressed, as Docker reports it):");
  console.log(`  ${tag}  ${show(image)}: the base ${baseImage} ${show(base)} + the application ${show(image - base)}`);
  console.log(`  ${verdict(image)}`);
}

function withoutDocker() {
  const work = mkdtempSync(join(tmpdir(), "landslide-image-report-"));
  try {
    console.log(`No usable Docker here (docker info failed): measuring what goes into the image in ${work}\n`);
    console.log("The bundle (packages/api/build.mjs), what the image's /app holds:");
    const dist = join(work, "app", "packages", "api", "dist");
    run(process.execPath, [join(packageDir, "build.mjs"), "--outdir", dist]);
    const bundle = mb(sizeOf(dist));

    console.log("\nThe pruned production install, for comparison (the image does not carry it):");
    const pruned = join(work, "pruned");
    run(join(repoRoot, "node_modules", ".bin", "turbo"), ["prune", "@landslide/api", "--docker", "--out-dir", pruned], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const install = join(work, "install");
    cpSync(join(pruned, "json"), install, { recursive: true });
    cpSync(join(pruned, "package-lock.json"), join(install, "package-lock.json"));
    run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], {
      cwd: install,
    });
    const nodeModules = join(install, "node_modules");
    const packages = packagesBySize(nodeModules);
    const installed = mb(sizeOf(nodeModules));
    console.log(`  node_modules  ${show(installed)} in ${packages.length} top-level packages; the largest:`);
    for (const { name, bytes } of packages.slice(0, 10)) console.log(`    ${name.padEnd(44)} ${show(mb(bytes))}`);

    const fromEnvironment = Number(process.env.LANDSLIDE_BASE_IMAGE_MB);
    const base = Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : BASE_ESTIMATE_MB;
    const source =
      base === BASE_ESTIMATE_MB
        ? "estimated, not measured here; LANDSLIDE_BASE_IMAGE_MB replaces it"
        : "from LANDSLIDE_BASE_IMAGE_MB";
    console.log("\nThe API image, uncompressed:");
    console.log(`  base ${baseImage}  ~${show(base)} (${source})`);
    console.log(`  + bundle            ${show(bundle)}`);
    console.log(`  = image            ~${show(base + bundle)}: ${verdict(base + bundle)}`);
    console.log(
      `  (with the pruned production install as well it would be ~${show(base + bundle + installed)}: ${verdict(base + bundle + installed)})`,
    );
  } finally {
    if (process.env.LANDSLIDE_IMAGE_REPORT_KEEP === "1") console.log(`\nKept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (dockerUsable()) withDocker(process.argv.slice(2));
else withoutDocker();
