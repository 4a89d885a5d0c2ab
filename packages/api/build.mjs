// Bundles the four services for production: dist/<service>.mjs (ES modules for Node 24), with
// the code they share split into dist/chunk-*.mjs, and source maps beside them. Everything,
// node_modules included, is bundled, so the image needs no node_modules and no tsx; only what
// cannot be bundled stays external (see `external`).
//   npm run build -w @landslide/api          into packages/api/dist
//   node build.mjs --outdir <folder>         elsewhere (the bundle test builds into a temporary folder)
import { cpSync, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const packageDir = dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({ options: { outdir: { type: "string" } } });
const outdir = resolve(options.outdir ?? join(packageDir, "dist"));

/** The entry points: the files packages/api/src/services/index.ts lists, one process each. */
const services = ["vote-api", "control-api", "results", "aggregator"];

/**
 * Not bundled. pg-native: pg's optional native binding, required lazily only when `pg.native`
 * is read (never here) and not installed. Anything added here must then be installed at run
 * time (the image copies no node_modules today: say so in the Dockerfile if that changes).
 */
const external = ["pg-native"];

/**
 * URLs relative to a module that the services' bundle keeps but never opens, each with the
 * function that would open it: the build fails if that function is in the bundle after all.
 * The control plane's migrations run at provisioning (the CLI), never in a service; migrate.ts
 * computes their folder when it loads, so the constant survives tree shaking.
 */
const unopenedUrls = { "../../../drizzle": "migrateControlPlane" };

rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: packageDir,
  entryPoints: Object.fromEntries(services.map((name) => [name, `src/services/${name}.ts`])),
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  chunkNames: "chunk-[hash]",
  platform: "node",
  target: "node24",
  format: "esm",
  // Line and file of the TypeScript in stack traces (node --enable-source-maps); the sources
  // themselves stay out of the maps, which keeps them a fraction of the size.
  sourcemap: "linked",
  sourcesContent: false,
  // Whitespace and syntax only: identifiers and function/class names stay readable in logs and
  // stack traces (and code that reads a constructor's name keeps working).
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  legalComments: "linked",
  external,
  // The CommonJS packages inside an ES module bundle still call require (node: built-ins, JSON)
  // and read __filename/__dirname: give every output file the three.
  banner: {
    js: [
      'import { createRequire as __landslideCreateRequire } from "node:module";',
      'import { fileURLToPath as __landslideFileURLToPath } from "node:url";',
      'import { dirname as __landslideDirname } from "node:path";',
      "const require = __landslideCreateRequire(import.meta.url);",
      "const __filename = __landslideFileURLToPath(import.meta.url);",
      "const __dirname = __landslideDirname(__filename);",
    ].join(" "),
  },
  metafile: true,
  logLevel: "warning",
  // The root tsconfig.base.json decides how TypeScript compiles (class fields, imports kept):
  // without it (a pruned copy of the repository missing it) the bundle would differ, so stop.
  logOverride: { "tsconfig.json": "error" },
});

copyUrlAssets(result.metafile);

const outputs = result.metafile.outputs;
const files = Object.keys(outputs).map((file) => resolve(packageDir, file));
const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
for (const name of services) {
  const entry = relative(packageDir, join(outdir, `${name}.mjs`));
  console.log(`  ${name}.mjs  ${megabytes(loadedBytes(entry))} with the chunks it loads`);
}
const shown = relative(process.cwd(), outdir);
console.log(
  `  ${shown.startsWith("..") ? outdir : shown || "."}/ in all (entries, shared chunks, maps, licences): ${files.length} files, ${megabytes(total)}`,
);

/** The code a service loads: its entry and, transitively, the chunks it imports. */
function loadedBytes(entry, seen = new Set()) {
  if (seen.has(entry)) return 0;
  seen.add(entry);
  const output = outputs[entry];
  return (
    output.bytes + output.imports.filter((i) => !i.external).reduce((sum, i) => sum + loadedBytes(i.path, seen), 0)
  );
}

/**
 * Files a bundled module opens through `new URL("./file", import.meta.url)` (a worker script, say)
 * are not code esbuild follows: copy each beside the bundle, where the same URL now points. A URL
 * leading out of dist/ cannot be served from the bundle: the build stops and names it.
 */
function copyUrlAssets(metafile) {
  const pattern = /new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g;
  const output = Object.keys(metafile.outputs)
    .filter((file) => file.endsWith(".mjs"))
    .map((file) => readFileSync(resolve(packageDir, file), "utf8"))
    .join("\n");
  const wanted = new Set([...output.matchAll(pattern)].map((match) => match[1]));
  for (const [url, opener] of Object.entries(unopenedUrls)) {
    if (!wanted.has(url)) continue;
    if (new RegExp(`\\b${opener}\\b`).test(output)) {
      throw new Error(
        `The bundle now calls ${opener}, which opens ${JSON.stringify(url)} outside dist/: ship those files with the bundle (build.mjs) first.`,
      );
    }
    wanted.delete(url);
  }
  if (wanted.size === 0) return;
  const found = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const path = resolve(packageDir, input);
    if (!/\.[cm]?[jt]sx?$/.test(path) || !existsSync(path)) continue;
    for (const [, url] of readFileSync(path, "utf8").matchAll(pattern)) {
      if (wanted.has(url)) found.set(url, fileURLToPath(new URL(url, pathToFileURL(path))));
    }
  }
  for (const url of wanted) {
    const source = found.get(url);
    const target = fileURLToPath(new URL(url, pathToFileURL(`${outdir}/`)));
    if (!source || !target.startsWith(`${outdir}/`)) {
      throw new Error(
        `The bundle opens ${JSON.stringify(url)} relative to itself, which the build cannot place in dist/ (from ${source ?? "an unknown module"}).`,
      );
    }
    cpSync(source, target);
  }
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
