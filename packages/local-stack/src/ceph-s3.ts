import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ManagedChild } from "./child";
import type { RunningServer } from "./dynamodb-local";
import { LocalStackError } from "./errors";
import { freePortBelowEphemeralRange } from "./ports";
import { restrictToOwner } from "./private-files";
import { answersHttp, waitWhileProgressing } from "./wait";

export interface CephS3Options {
  /** radosgw's S3 port, on 127.0.0.1. */
  readonly port: number;
  /** The cluster's folder (configuration, sockets, logs) is made under here and removed on stop. */
  readonly scratchDir: string;
}

/**
 * The keys the local S3 accepts. Like DynamoDB Local's, they guard nothing: the server listens on
 * loopback only and keeps its objects in memory for the stack's lifetime.
 */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;

/** The Debian packages that hold the daemons; one line to install them when missing. */
const CEPH_PACKAGES = "radosgw ceph-mon ceph-osd";
const INSTALL_HINT = `install them (Debian: sudo apt-get install -y --no-install-recommends ${CEPH_PACKAGES})`;

const run = promisify(execFile);

/**
 * Starts a one-node Ceph cluster whose S3 gateway (radosgw) stands in for Amazon S3: one monitor,
 * one object store daemon keeping everything in memory (memstore), and the gateway, all on
 * 127.0.0.1. Ceph because it is the one S3 server reachable here that enforces Object Lock: a
 * COMPLIANCE version cannot be deleted or its retention shortened, as on AWS; every Node stand-in
 * (s3rver, fauxqs) accepts the lock headers and then deletes the object anyway. Ready in ~15 s.
 */
export async function startCephS3(options: CephS3Options): Promise<RunningServer> {
  await assertCeph();
  mkdirSync(options.scratchDir, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(options.scratchDir, "ceph-"));
  const conf = join(dir, "ceph.conf");
  const fsid = randomUUID();
  const monitor = `v1:127.0.0.1:${await freePortBelowEphemeralRange()}`;
  writeFileSync(conf, cephConf({ dir, fsid, monitor, port: options.port }));
  const ceph = (command: string, ...args: string[]) =>
    run(command, ["-c", conf, ...args], { timeout: 60_000, encoding: "utf8" }).then(({ stdout }) => stdout.trim());
  const daemons: ManagedChild[] = [];
  const daemon = (name: string, command: string, ...args: string[]) => {
    const child = new ManagedChild({
      name,
      command,
      args: ["-c", conf, "-f", ...args],
      logFile: join(dir, `${name}.out`),
    });
    daemons.push(child);
    return child;
  };
  const stop = async ({ keepLogs = false } = {}) => {
    // Gateway first, monitor last; memstore means nothing is left to flush.
    for (const child of [...daemons].reverse()) await child.stop(2000);
    // A cluster that failed to start keeps its folder: its logs say why.
    if (!keepLogs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ceph(
      "ceph-authtool",
      "--create-keyring",
      join(dir, "keyring"),
      "--gen-key",
      "-n",
      "mon.",
      "--cap",
      "mon",
      "allow *",
    );
    await ceph("monmaptool", "--create", "--addv", "a", monitor, "--fsid", fsid, join(dir, "monmap"));
    await ceph("ceph-mon", "--mkfs", "-i", "a", "--monmap", join(dir, "monmap"), "--keyring", join(dir, "keyring"));
    // The monitor's store is made 0755 whatever the umask: the stack's files are the user's alone.
    restrictToOwner(dir);
    daemon("ceph-mon", "ceph-mon", "-i", "a");
    const osdUuid = randomUUID();
    // A monitor just started may answer EPERM ("problem getting command descriptions") until it
    // has formed its quorum of one: asked again until it takes the command. The same uuid gives
    // the same id, so a repeat that did land changes nothing.
    const osdId = await untilAccepted(() => ceph("ceph", "--connect-timeout", "30", "osd", "new", osdUuid));
    const startOsd = async () => {
      // The object store writes its identity file into this folder, which mkfs expects to exist.
      const data = join(dir, `osd-${osdId}`);
      rmSync(data, { recursive: true, force: true });
      mkdirSync(data);
      await ceph("ceph-osd", "-i", osdId, "--mkfs", "--osd-uuid", osdUuid);
      return daemon("ceph-osd", "ceph-osd", "-i", osdId);
    };
    let osd = await startOsd();
    const gateway = daemon("radosgw", "radosgw", "-n", "client.rgw.local");
    const endpoint = `http://127.0.0.1:${options.port}`;
    let osdStarts = 1;
    await waitWhileProgressing(gateway, async () => {
      // On a busy machine the daemon may ask the monitor before it knows the cluster's id, be
      // refused ("wrong fsid") and exit: it is made and started again, up to five times.
      if (!osd.alive) {
        if (osdStarts >= 5) throw new LocalStackError(`ceph-osd exited ${osdStarts} times before the gateway answered`);
        osdStarts += 1;
        osd = await startOsd();
      }
      // A gateway that cannot bind its port logs so and runs on without it, while whatever holds
      // the port answers the probe (CI once provisioned the archive against a stranger's JSON):
      // the bind failure ends the wait, and only an S3 bucket listing counts as the gateway.
      if (gateway.output.includes(BIND_FAILURE)) {
        throw new LocalStackError(
          `Port ${options.port} (the local S3) is already in use on 127.0.0.1: stop what listens there or set LANDSLIDE_S3_LOCAL_PORT to a free port.`,
        );
      }
      return answersHttp(endpoint, isBucketListing);
    });
    const { accessKeyId, secretAccessKey } = LOCAL_S3_CREDENTIALS;
    await ceph(
      "radosgw-admin",
      ...["user", "create", "--uid=landslide", "--display-name=Landslide local stack"],
      ...[`--access-key=${accessKeyId}`, `--secret-key=${secretAccessKey}`],
    );
    restrictToOwner(dir);
    return { name: "radosgw", endpoint, child: gateway, stop: () => stop() };
  } catch (error) {
    const said = daemons.map((child) => `${child.name}:\n${child.tail(3)}`).join("\n");
    await stop({ keepLogs: true });
    if (error instanceof LocalStackError) throw error;
    throw new LocalStackError(
      `The local S3 (Ceph radosgw) did not start: ${(error as Error).message}\n${said}\nIts logs: ${dir}`,
    );
  }
}

/** What radosgw prints, and then carries on, when another process holds its port. */
const BIND_FAILURE = "failed to bind address";

/** radosgw answers an anonymous GET / with an (empty) S3 bucket listing; no other stand-in does. */
async function isBucketListing(response: Response): Promise<boolean> {
  return response.ok && (await response.text()).includes("<ListAllMyBucketsResult");
}

/** Runs `command` again (each second, for up to a minute) while it fails. */
async function untilAccepted<T>(command: () => Promise<T>, attempts = 60): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await command();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

let cephFound = false;

/** The daemons come from Debian's packages, not npm: say in one line how to get them. */
export async function assertCeph(): Promise<void> {
  if (cephFound) return;
  for (const command of ["ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "monmaptool", "ceph-authtool", "ceph"]) {
    try {
      await run("sh", ["-c", `command -v ${command}`]);
    } catch {
      throw new LocalStackError(
        `The local S3 archive runs Ceph's radosgw, but '${command}' was not found: ${INSTALL_HINT}, or set LANDSLIDE_STACK=aws.`,
      );
    }
  }
  cephFound = true;
}

/**
 * One monitor, one OSD and the gateway on loopback (the cluster and heartbeat ports too), no
 * authentication between them, pools of one replica, objects in memory (up to 1 GiB).
 */
function cephConf({ dir, fsid, monitor, port }: { dir: string; fsid: string; monitor: string; port: number }) {
  return `[global]
fsid = ${fsid}
mon host = ${monitor}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
cluster network = 127.0.0.0/8
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
auth allow insecure global id reclaim = true
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
run dir = ${dir}
log file = ${dir}/$name.log
admin socket = ${dir}/$name.asok
mon data = ${dir}/mon-$id
osd data = ${dir}/osd-$id
keyring = ${dir}/keyring
mon cluster log file = ${dir}/cluster.log
osd objectstore = memstore
memstore device bytes = 1073741824
[client.rgw.local]
rgw frontends = beast endpoint=127.0.0.1:${port}
rgw data = ${dir}/rgw
rgw thread pool size = 32
`;
}
