import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { isLoopback } from "./loopback";

/** A TCP socket in the LISTEN state, held by one process of the local stack. */
export interface Listener {
  readonly pid: number;
  /** The process's short name (java, node, next-server, …). */
  readonly command: string;
  /** The address it is bound to, as the kernel reports it: 127.0.0.1, ::1, 0.0.0.0, ::, … */
  readonly address: string;
  readonly port: number;
}

/**
 * The listening sockets of a process and all of its descendants (the launcher of `npm run dev`
 * and every server it started), or undefined when this system does not let us list them.
 * Linux is read from /proc; elsewhere (macOS) from `ps` and `lsof`.
 */
export function stackListeners(rootPid: number): Listener[] | undefined {
  try {
    return process.platform === "linux" ? fromProc(rootPid) : fromLsof(rootPid);
  } catch {
    return undefined;
  }
}

/** The listeners anyone on the network can reach: bound to anything but loopback (0.0.0.0 and :: included). */
export function exposedListeners(rootPid: number): Listener[] | undefined {
  return stackListeners(rootPid)?.filter((listener) => !isLoopback(listener.address));
}

/** One line per exposed listener, for a warning: "java (pid 12) on 0.0.0.0:8000". */
export function describeListener({ command, pid, address, port }: Listener): string {
  return `${command} (pid ${pid}) on ${address.includes(":") ? `[${address}]` : address}:${port}`;
}

/**
 * What to say about listeners other machines can reach, for the launcher's warning and the
 * doctor's check alike: which they are, and the one thing to do given the configured host.
 */
export function exposureWarning(exposed: readonly Listener[], host: string): { detail: string; fix: string } {
  const detail = `reachable from other machines: ${exposed.map(describeListener).join(", ")}`;
  const fix = isLoopback(host)
    ? "the local stack should listen on loopback only: stop it (election local down), keep other machines away from these ports, and report this"
    : `LANDSLIDE_HOST is ${host}: unset it (the default is 127.0.0.1) unless other machines must reach the stack, then restart: election local down && election local up`;
  return { detail, fix };
}

// --- Linux: /proc ------------------------------------------------------------------------------

const LISTEN = "0A";

function fromProc(rootPid: number): Listener[] {
  const pids = descendants(rootPid, procParents());
  // Every process of the stack shares the launcher's network namespace: its tables list them all.
  const sockets = new Map<string, { address: string; port: number }>();
  for (const table of ["tcp", "tcp6"]) {
    for (const line of readFileSync(`/proc/${rootPid}/net/${table}`, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (!local || state !== LISTEN || !inode) continue;
      const [hexAddress = "", hexPort = ""] = local.split(":");
      sockets.set(inode, { address: decodeAddress(hexAddress), port: Number.parseInt(hexPort, 16) });
    }
  }
  const listeners: Listener[] = [];
  for (const pid of pids) {
    for (const inode of socketInodes(pid)) {
      const socket = sockets.get(inode);
      if (socket) listeners.push({ pid, command: procName(pid), ...socket });
    }
  }
  return dedupe(listeners);
}

/** pid → parent pid of every process we can see. */
function procParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The name in parentheses may hold spaces and parentheses: the fields after the last ")" are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // it exited while we looked
    }
  }
  return parents;
}

function socketInodes(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        return match?.[1] ? [match[1]] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/**
 * The program's name from its command line: /proc/<pid>/comm is the main thread's name, which
 * Node 24 sets to "MainThread". A process that retitles itself (next-server) shows its title.
 */
function procName(pid: number): string {
  try {
    const program = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]!.split(" ")[0]!;
    return program.split("/").pop() || "?";
  } catch {
    return "?";
  }
}

/**
 * /proc/net/tcp writes an address as the hex of its bytes in memory: IPv4 as one little-endian
 * 32-bit word ("0100007F" is 127.0.0.1), IPv6 as four such words.
 */
export function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) => (word.match(/../g) ?? []).reverse().map((b) => Number.parseInt(b, 16)));
  if (bytes.length === 4) return bytes.join(".");
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d), as Java binds an IPv4 address on a dual-stack socket.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `::ffff:${bytes.slice(12).join(".")}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return compressIpv6(groups);
}

function compressIpv6(groups: string[]): string {
  // The longest run of zero groups becomes "::" (RFC 5952).
  let best = { at: -1, length: 0 };
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (groups[j] === "0") j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j;
  }
  if (best.length < 2) return groups.join(":");
  return `${groups.slice(0, best.at).join(":")}::${groups.slice(best.at + best.length).join(":")}`;
}

// --- elsewhere: ps and lsof --------------------------------------------------------------------

function fromLsof(rootPid: number): Listener[] {
  const ps = spawnSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" });
  if (ps.status !== 0) throw new Error("ps failed");
  const parents = new Map<number, number>();
  for (const line of ps.stdout.split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid !== undefined) parents.set(pid, ppid);
  }
  const pids = descendants(rootPid, parents);
  // -F: one field per line (p: pid, c: command, n: address:port); -a: all conditions at once.
  const lsof = spawnSync("lsof", ["-nP", "-a", "-iTCP", "-sTCP:LISTEN", "-p", pids.join(","), "-F", "pcn"], {
    encoding: "utf8",
  });
  if (lsof.error) throw lsof.error;
  return dedupe(parseLsof(lsof.stdout));
}

/** Parses `lsof -F pcn` output: "p<pid>", "c<command>", then "n<address>:<port>" per socket ("*" for every interface). */
export function parseLsof(output: string): Listener[] {
  const listeners: Listener[] = [];
  let pid = 0;
  let command = "?";
  for (const line of output.split("\n")) {
    const value = line.slice(1);
    if (line.startsWith("p")) pid = Number(value);
    else if (line.startsWith("c")) command = value;
    else if (line.startsWith("n")) {
      const at = value.lastIndexOf(":");
      const host = value.slice(0, at).replace(/^\[(.*)\]$/, "$1");
      listeners.push({ pid, command, address: host === "*" ? "0.0.0.0" : host, port: Number(value.slice(at + 1)) });
    }
  }
  return listeners;
}

// --- shared ------------------------------------------------------------------------------------

function descendants(rootPid: number, parents: ReadonlyMap<number, number>): number[] {
  const found = [rootPid];
  for (let i = 0; i < found.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === found[i] && !found.includes(pid)) found.push(pid);
  }
  return found;
}

/** A socket inherited by a child (or listed twice) counts once. */
function dedupe(listeners: Listener[]): Listener[] {
  const seen = new Set<string>();
  return listeners.filter((l) => {
    const key = `${l.address}|${l.port}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
