/**
 * Turns a V8 CPU profile (node --cpu-prof, or BENCH_CPU_PROFILE=<dir> with the HTTP bench) into
 * folded stacks, the text that flamegraph.pl, speedscope and inferno draw flame graphs from, and
 * prints the functions that took the most time themselves:
 *
 *   npx tsx bench/folded-stacks.ts <profile.cpuprofile> <out.folded>
 *
 * One line per distinct stack, root first, frames joined by ';', then the microseconds spent there.
 */
import { readFileSync, writeFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: folded-stacks <profile.cpuprofile> <out.folded>");
const profile = JSON.parse(readFileSync(input, "utf8")) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const frameName = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) => {
  const file = url.split("/").slice(-2).join("/");
  return `${functionName || "(anonymous)"}${file ? ` ${file}:${lineNumber + 1}` : ""}`.replaceAll(";", ",");
};

const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const folded = new Map<string, number>();
const bySelf = new Map<string, number>();
for (const [id, micros] of selfTime) {
  const frames: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) frames.push(frameName(byId.get(at)!));
  frames.pop(); // "(root)"
  const stack = frames.reverse().join(";");
  folded.set(stack, (folded.get(stack) ?? 0) + micros);
  const self = frames.at(-1) ?? "(root)";
  bySelf.set(self, (bySelf.get(self) ?? 0) + micros);
}
const total = [...bySelf.values()].reduce((a, b) => a + b, 0);
// Stacks under a ten-thousandth of the time are summed into one line: the graph keeps its shape, the file stays small.
const kept = [...folded].filter(([, micros]) => micros >= total / 10_000);
const rest = total - kept.reduce((sum, [, micros]) => sum + micros, 0);
writeFileSync(
  output,
  [...kept, ["(stacks under 0.01% each)", rest] as const].map(([stack, micros]) => `${stack} ${micros}`).join("\n") +
    "\n",
);

console.log(`${(total / 1e6).toFixed(1)} s sampled; the functions that took most time themselves:`);
for (const [name, micros] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`);
