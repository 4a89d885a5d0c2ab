import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

/**
 * CPU profiles of the casts alone: SIGUSR2 starts the profiler, the next one writes what it
 * recorded to `dir` (cast-phase-<n>.cpuprofile). A whole-run profile (--cpu-prof) is mostly the
 * bench preparing its voters, which the vote API serves too. Benchmarks only.
 */
export function profileCastPhasesOnSignal(dir: string): void {
  const session = new Session();
  session.connect();
  let recording = false;
  let written = 0;
  process.on("SIGUSR2", () => {
    void (async () => {
      if (!recording) {
        recording = true;
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
        return;
      }
      recording = false;
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(join(dir, `cast-phase-${++written}.cpuprofile`), JSON.stringify(profile));
    })();
  });
}
