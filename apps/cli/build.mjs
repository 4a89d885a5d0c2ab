// Builds the CLI into dist/ so that a call answers in a fraction of a second instead of the 3–6 s
// that compiling TypeScript at run time (tsx) and importing every command cost:
//   dist/commands/**.js   one ES module per command (oclif finds them by path), with the code
//                         they share in dist/chunks/: a call loads its command and nothing else
//   dist/package.json     the CLI's package.json pointing oclif at those commands
//   dist/oclif.manifest.json  every command's flags and help, so oclif imports no command to
//                         answer --version or --help, and only the one it runs otherwise
//   dist/build-info.json  what it was built from; bin/run.js runs the sources when they changed
// The workspace packages (@landslide/*, which export TypeScript) are bundled; the packages from
// node_modules stay imports, loaded by Node as they are, unless Node would find another copy
// from dist/ than the one the importing workspace sees (then that copy is bundled).
//   npm run build -w @landslide/cli      (turbo builds it before `npm run dev` and the CLI's tests)
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Plugin } from "@oclif/core";
import { BUILD_INFO, fingerprint, listing } from "./bin/freshness.js";

const cliDir = dirname(fileURLToPath(import.meta.url));
const commandsDir = join(cliDir, "src", "commands");
const distDir = join(cliDir, "dist");
// Built aside (in a git-ignored folder on the same disk) and swapped in whole, so a CLI call
// during a build never sees half of one.
const workDir = join(cliDir, "node_modules", ".cache", `cli-build-${process.pid}`);
const startedAt = Date.now();

const entryPoints = commandFiles(commandsDir);
rmSync(workDir, { recursive: true, force: true });
process.on("exit", () => rmSync(workDir, { recursive: true, force: true }));

const result = await build({
  absWorkingDir: cliDir,
  entryPoints,
  outbase: commandsDir,
  outdir: workDir,
  entryNames: "commands/[dir]/[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node24",
  format: "esm",
  sourcemap: "linked",
  sourcesContent: false,
  // Class and function names stay as written: stack traces and oclif's messages read as the sources do.
  keepNames: true,
  metafile: true,
  logLevel: "warning",
  logOverride: { "tsconfig.json": "error" },
  plugins: [nodeModulesStayExternal(), sourceRelativeUrls()],
});

writeFileSync(join(workDir, "package.json"), `${JSON.stringify(distPackageJson(), null, 2)}\n`);
await writeManifest(workDir);
// Last: its presence says the build is whole.
writeFileSync(join(workDir, BUILD_INFO), `${JSON.stringify(buildInfo(result.metafile), null, 2)}\n`);
swapIn(workDir, distDir);
console.log(`  dist/: ${entryPoints.length} commands, built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

function commandFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(folder, name))
    .sort();
}

/**
 * Bare imports of third-party packages stay imports (Node loads them from node_modules as the
 * sources would), provided Node finds the same file from dist/ as from the importing file;
 * otherwise (a workspace with its own copy of a package) that copy is bundled. The workspace
 * packages themselves export TypeScript, which Node cannot import: they are always bundled.
 */
function nodeModulesStayExternal() {
  return {
    name: "node-modules-stay-external",
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === "inner" || args.path.startsWith("@landslide/") || args.path.startsWith("node:")) {
          return undefined;
        }
        const options = { kind: args.kind, pluginData: "inner" };
        const fromImporter = await builder.resolve(args.path, { ...options, resolveDir: args.resolveDir });
        if (fromImporter.errors.length > 0 || fromImporter.external) return undefined;
        // From the CLI's folder: dist/ has no node_modules of its own, so Node looks there next.
        const fromDist = await builder.resolve(args.path, { ...options, resolveDir: cliDir });
        if (fromDist.errors.length === 0 && fromDist.path === fromImporter.path) {
          return { path: args.path, external: true };
        }
        return { path: fromImporter.path };
      });
    },
  };
}

/**
 * A workspace module that finds a file beside itself (`new URL("./x", import.meta.url)`: the
 * services' entry points, DynamoDB Local's launcher, the migrations, a worker script) must still
 * find it beside its source once bundled. Each such `import.meta.url` becomes the source file's
 * URL, computed from the bundle's own place, so dist/ keeps working wherever the repository is.
 */
function sourceRelativeUrls() {
  return {
    name: "source-relative-urls",
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const fromDist = relative(distDir, args.path).split(sep).join("/");
        return {
          contents: source.replaceAll("import.meta.url", `__landslideSourceUrl(${JSON.stringify(fromDist)})`),
          loader: "ts",
        };
      });
      builder.onEnd((built) => {
        for (const file of Object.keys(built.metafile?.outputs ?? {})) {
          if (!file.endsWith(".js")) continue;
          const path = resolve(cliDir, file);
          const code = readFileSync(path, "utf8");
          if (!code.includes("__landslideSourceUrl(")) continue;
          // A function declaration, appended so the source map's lines stay put, and hoisted so
          // code above it can call it. The path is relative to dist/, this file is `depth` below it.
          const depth = relative(workDir, dirname(path)).split(sep).filter(Boolean).length;
          const distUrl = `new URL(${JSON.stringify("../".repeat(depth) || "./")}, import.meta.url)`;
          writeFileSync(
            path,
            `${code}\nfunction __landslideSourceUrl(path) { return new URL(path, ${distUrl}).href; }\n`,
          );
        }
      });
    },
  };
}

function distPackageJson() {
  const pkg = JSON.parse(readFileSync(join(cliDir, "package.json"), "utf8"));
  return {
    name: pkg.name,
    version: pkg.version,
    private: true,
    type: "module",
    description: pkg.description,
    oclif: { ...pkg.oclif, commands: "./commands" },
  };
}

/** What `oclif manifest` writes, made here so the build needs no second tool. */
async function writeManifest(root) {
  const plugin = new Plugin({
    root,
    isRoot: true,
    type: "core",
    ignoreManifest: true,
    errorOnManifestCreate: true,
    respectNoCacheDefault: true,
  });
  await plugin.load();
  const manifest = plugin.manifest;
  if (Object.keys(manifest.commands).length !== entryPoints.length) {
    throw new Error(`The manifest lists ${Object.keys(manifest.commands).length} commands, not ${entryPoints.length}.`);
  }
  writeFileSync(join(root, "oclif.manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Every file the bundle was made from (workspace sources, bundled packages, the package.json
 * that dist/package.json copies) and every command folder's listing: bin/run.js compares them.
 */
function buildInfo(metafile) {
  const inputs = Object.keys(metafile.inputs).map((input) => resolve(cliDir, input));
  const files = {};
  for (const path of [...inputs, join(cliDir, "package.json")].sort()) {
    const stat = statSync(path);
    // Read before this build started and changed since: the build may hold the older text.
    if (stat.mtimeMs >= startedAt) throw new Error(`${path} changed during the build: build again.`);
    files[relative(cliDir, path)] = fingerprint(path);
  }
  const folders = {};
  for (const folder of [commandsDir, ...commandFolders(commandsDir)]) {
    folders[relative(cliDir, folder)] = listing(folder);
  }
  return { builtAt: new Date(startedAt).toISOString(), files, folders };
}

function commandFolders(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name));
}

function swapIn(from, to) {
  const old = `${to}-old-${process.pid}`;
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(to, old);
  } catch {
    // no earlier build
  }
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}
