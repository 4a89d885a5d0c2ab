import { randomUUID } from "node:crypto";
import { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
// The domain's own Postgres adapter. vote-engine is not declared as a dependency of this package
// (it already depends on local-stack for its tests, and a cycle would break turbo's graph); npm
// workspaces link it at the root, as they do drizzle-orm.
import { controlPlaneSchema, ElectionsRepository, migrateControlPlane } from "@landslide/vote-engine/postgres";
import type { RunningPostgres } from "../src/index";
import { startTestPostgres } from "../src/testing";

/**
 * The embedded Postgres must keep concurrent connections apart. PGlite behind pglite-socket did
 * not (electric-sql/pglite #1046): it runs one session and queues single protocol messages, so
 * when a Parse/Bind/Execute/Sync batch reaches it in more than one TCP read, another connection's
 * Bind slips in between and the first connection executes the second one's portal.
 *
 * TCP may split any batch; on one machine it rarely does, so these clients send the Execute of
 * each batch a moment after its Parse and Bind, as a busy network would.
 */
function splitBatchSocket(): Socket {
  const socket = new Socket();
  const send = socket.write.bind(socket);
  let queue = Promise.resolve();
  socket.write = (chunk: Uint8Array) => {
    const isExecute = chunk[0] === 0x45; // 'E'
    queue = queue.then(async () => {
      if (isExecute) await new Promise((resolve) => setTimeout(resolve, 2));
      send(chunk);
    });
    return true;
  };
  return socket;
}

let postgres: RunningPostgres;
let pool: pg.Pool;
const ids: string[] = Array.from({ length: 4 }, () => randomUUID());
const questionOf = (id: string) => `q${ids.indexOf(id)}`;

beforeAll(async () => {
  postgres = await startTestPostgres();
  pool = new pg.Pool({ connectionString: postgres.url, max: 8, stream: splitBatchSocket });
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema: controlPlaneSchema, casing: "snake_case" });
  await migrateControlPlane(db);
  const repository = new ElectionsRepository(db);
  for (const id of ids) {
    await repository.insert({
      id,
      title: `Election ${questionOf(id)}`,
      description: "",
      status: "draft",
      allowAbstain: false,
      eligibility: "any-signed-in-voter",
      passkeyPolicy: "optional",
      opensAt: null,
      closesAt: null,
      questions: [
        {
          id: questionOf(id),
          kind: "single",
          prompt: "Which?",
          minChoices: 1,
          maxChoices: 1,
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
      ],
    });
  }
});

afterAll(async () => {
  await pool?.end();
  await postgres?.stop();
});

describe("the embedded Postgres under concurrent connections", () => {
  it("answers each of 600 concurrent ElectionsRepository.get calls from a pool of 8 with the election it asked for", async () => {
    const repository = new ElectionsRepository(drizzle(pool, { schema: controlPlaneSchema, casing: "snake_case" }));
    const asked = Array.from({ length: 600 }, (_, i) => ids[i % ids.length]!);
    const started = performance.now();
    // A failed read counts as wrong too: every caller must get its own answer.
    const answers = await Promise.all(asked.map((id) => repository.get(id).catch(() => undefined)));
    const seconds = (performance.now() - started) / 1000;
    const wrong = answers.filter(
      (answer, i) => answer?.id !== asked[i] || answer?.questions[0]?.id !== questionOf(asked[i]!),
    ).length;
    console.info(
      `ElectionsRepository.get through a pool of 8: ${wrong} of 600 wrong, ${Math.round(600 / seconds)} reads/s`,
    );
    expect(wrong).toBe(0);
  });

  it("gives each connection a session of its own: its own backend and its own settings", async () => {
    const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: postgres.url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const pids = await Promise.all(
        clients.map(
          async (client) => (await client.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid,
        ),
      );
      for (const [who, client] of clients.entries()) await client.query(`set application_name = 'reader-${who}'`);
      const names = await Promise.all(
        clients.map(
          async (client) =>
            (await client.query<{ application_name: string }>("show application_name")).rows[0]!.application_name,
        ),
      );
      console.info(`three pg clients: backends ${pids.join("/")}, application_name ${names.join("/")}`);
      expect(new Set(pids).size).toBe(3);
      expect(names).toEqual(["reader-0", "reader-1", "reader-2"]);
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    }
  });

  it("keeps three pg clients' distinct parameterised queries apart", async () => {
    const clients = [0, 1, 2].map(() => new pg.Client({ connectionString: postgres.url, stream: splitBatchSocket }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const rounds = 500;
      const started = performance.now();
      const wrong = await Promise.all(
        clients.map(async (client, who) => {
          let count = 0;
          for (let n = 0; n < rounds; n++) {
            // The query text itself names the client, so running another client's statement shows.
            const answer = await client
              .query<{ who: number; n: number }>(`select ${who}::int as who, $1::int as n`, [n])
              .catch(() => undefined);
            if (answer?.rows.length !== 1 || answer.rows[0]!.who !== who || answer.rows[0]!.n !== n) count++;
          }
          return count;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `three pg clients: ${wrong.join("/")} of ${rounds} wrong, ${Math.round((3 * rounds) / seconds)} queries/s`,
      );
      expect(wrong).toEqual([0, 0, 0]);
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    }
  });
});
