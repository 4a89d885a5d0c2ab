import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BatchCrypto, SignedPayload } from "../../audit/batch-crypto";
import { nodeEntropy } from "./keys";
import { verifyEd25519 } from "./verify-receipt";

/** BatchCrypto on worker threads; `close` ends them (an idle pool never keeps the process alive either). */
export interface BatchCryptoPool extends BatchCrypto {
  readonly size: number;
  close(): Promise<void>;
}

const DIGEST = 32;
/** Fewer items than this are computed on the calling thread: a round trip to a worker costs more. */
const INLINE_BELOW = 32;
/** A call is split into pieces of at least this many items, at most one per worker. */
const MIN_PIECE = 256;
/** Relative cost of an item, so that work goes to the least loaded worker by time, not by count. */
const WEIGHT = { sha256: 1, ed25519: 40 } as const;

type Op = keyof typeof WEIGHT;

interface Pending {
  readonly weight: number;
  resolve(out: ArrayBuffer): void;
  reject(error: Error): void;
}

interface Lane {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  load: number;
}

/**
 * Spreads an audit verification's hashing and Ed25519 checks over `size` worker threads (one
 * per core by default). Each call is split into a few large pieces, packed into one transferred
 * buffer each (not a message per item), and answered in order. Workers start on first use.
 */
export function createBatchCryptoPool({ size = availableParallelism() }: { size?: number } = {}): BatchCryptoPool {
  if (!Number.isInteger(size) || size < 1) throw new Error("size: a whole number >= 1");
  const lanes: Lane[] = [];
  let nextId = 1;
  let closed = false;

  function startLane(): Lane {
    const lane: Lane = {
      worker: new Worker(new URL("./batch-crypto-worker.mjs", import.meta.url)),
      pending: new Map(),
      load: 0,
    };
    lane.worker.unref();
    lane.worker.on("message", (answer: { id: number; out?: ArrayBuffer; error?: string }) => {
      const request = lane.pending.get(answer.id);
      if (!request) return;
      lane.pending.delete(answer.id);
      settle(lane, request);
      if (answer.out) request.resolve(answer.out);
      else request.reject(new Error(`audit worker: ${answer.error ?? "no answer"}`));
    });
    const fail = (error: Error) => {
      const at = lanes.indexOf(lane);
      if (at >= 0) lanes.splice(at, 1);
      for (const request of lane.pending.values()) request.reject(error);
      lane.pending.clear();
    };
    lane.worker.on("error", (error: unknown) =>
      fail(
        new Error(`audit worker failed: ${error instanceof Error ? error.message : "it threw a non-Error"}`, {
          cause: error,
        }),
      ),
    );
    lane.worker.on("exit", (code) => fail(new Error(`audit worker exited (code ${code}) with work pending`)));
    lanes.push(lane);
    return lane;
  }

  /** A busy worker holds the process open until it answers; an idle one does not. */
  function settle(lane: Lane, request: Pending): void {
    lane.load -= request.weight;
    if (lane.pending.size === 0) lane.worker.unref();
  }

  function leastLoaded(): Lane {
    if (lanes.length < size) return startLane();
    return lanes.reduce((best, lane) => (lane.load < best.load ? lane : best));
  }

  function send(op: Op, bytes: ArrayBuffer, ends: Uint32Array, items: number, pem?: string): Promise<ArrayBuffer> {
    if (closed) return Promise.reject(new Error("the audit worker pool is closed"));
    const lane = leastLoaded();
    const id = nextId++;
    const weight = items * WEIGHT[op];
    return new Promise((resolve, reject) => {
      lane.pending.set(id, { weight, resolve, reject });
      lane.load += weight;
      lane.worker.ref();
      const bounds = ends.buffer as ArrayBuffer;
      lane.worker.postMessage({ id, op, bytes, ends: bounds, pem }, [bytes, bounds]);
    });
  }

  async function sha256Many(items: readonly (Uint8Array | string)[]): Promise<readonly Uint8Array[]> {
    if (items.length < INLINE_BELOW)
      return items.map((item) => nodeEntropy.sha256(typeof item === "string" ? encoder.encode(item) : item));
    const answers = await Promise.all(
      pieces(items).map((piece) => {
        const { bytes, ends } = pack(piece, (item, write, writeText) =>
          typeof item === "string" ? writeText(item) : write(item),
        );
        return send("sha256", bytes, ends, piece.length);
      }),
    );
    const digests: Uint8Array[] = [];
    for (const out of answers)
      for (let at = 0; at < out.byteLength; at += DIGEST) digests.push(new Uint8Array(out, at, DIGEST));
    return digests;
  }

  async function verifyEd25519Many(pem: string, items: readonly SignedPayload[]): Promise<readonly boolean[]> {
    if (items.length < INLINE_BELOW) return items.map((item) => verifyEd25519(item.payload, item.signature, pem));
    const answers = await Promise.all(
      pieces(items).map((piece) => {
        const { bytes, ends } = pack(piece, (item, write, writeText) => {
          write(item.payload);
          writeText(item.signature);
        });
        return send("ed25519", bytes, ends, piece.length, pem);
      }),
    );
    const verdicts: boolean[] = [];
    for (const out of answers) for (const verdict of new Uint8Array(out)) verdicts.push(verdict === 1);
    return verdicts;
  }

  function pieces<T>(items: readonly T[]): (readonly T[])[] {
    const count = Math.max(1, Math.min(size, Math.floor(items.length / MIN_PIECE)));
    const per = Math.ceil(items.length / count);
    const out: (readonly T[])[] = [];
    for (let from = 0; from < items.length; from += per) out.push(items.slice(from, from + per));
    return out;
  }

  return {
    size,
    sha256Many,
    verifyEd25519Many,
    async close() {
      closed = true;
      const stopping = lanes.splice(0).map(async (lane) => {
        for (const request of lane.pending.values()) request.reject(new Error("the audit worker pool is closed"));
        lane.pending.clear();
        await lane.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}

const encoder = new TextEncoder();

/**
 * Packs items end to end into one buffer to transfer, with where each part ends (`each` writes
 * one or more parts per item). Sized for the items as they are, text counted as ASCII; grown
 * only for text that is not.
 */
function pack<T extends { readonly length: number } | { readonly payload: Uint8Array; readonly signature: string }>(
  items: readonly T[],
  each: (item: T, write: (bytes: Uint8Array) => void, writeText: (text: string) => void) => void,
): { bytes: ArrayBuffer; ends: Uint32Array } {
  let size = 0;
  for (const item of items)
    size += typeof item === "object" && "payload" in item ? item.payload.length + item.signature.length : item.length;
  let buffer = new Uint8Array(size + 64);
  let length = 0;
  const room = (needed: number) => {
    if (length + needed <= buffer.length) return;
    const grown = new Uint8Array(Math.max(buffer.length * 2, length + needed));
    grown.set(buffer.subarray(0, length));
    buffer = grown;
  };
  const ends: number[] = [];
  const write = (bytes: Uint8Array) => {
    room(bytes.length);
    buffer.set(bytes, length);
    length += bytes.length;
    ends.push(length);
  };
  const writeText = (text: string) => {
    // encodeInto stops short rather than overflow; UTF-8 takes at most three bytes per UTF-16 unit.
    const first = encoder.encodeInto(text, buffer.subarray(length));
    let written = first.written;
    if (first.read < text.length) {
      room(text.length * 3);
      written = encoder.encodeInto(text, buffer.subarray(length)).written;
    }
    length += written;
    ends.push(length);
  };
  for (const item of items) each(item, write, writeText);
  // Transferred as it is, spare room and all: copying it down to size would cost more than it saves.
  return { bytes: buffer.buffer, ends: Uint32Array.from(ends) };
}
