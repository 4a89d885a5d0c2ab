import type { ServerResponse } from "node:http";
import { CONNECTED_FRAME, PING_FRAME, SSE_HEADERS } from "./sse-frames";

/** One encoded event and the version it carries: written as the same bytes to every watcher. */
export interface Frame {
  readonly version: number;
  readonly bytes: Buffer;
}

export interface FanOutOptions {
  /**
   * How many bytes may wait unflushed in a watcher's response (`writableLength`) when the next
   * frame is due before it is evicted; at least one frame always fits, so a large election's
   * snapshot is never refused for its own size. Only the newest snapshot matters to a watcher:
   * an evicted one reconnects with Last-Event-ID and gets the newest at once.
   */
  readonly maxBufferedBytes?: number;
  /** Between heartbeats on every stream (shared frame, shared pass). */
  readonly pingMs?: number;
  /** Watchers written per turn of the event loop: a pass over 10,000 yields to other requests between batches. */
  readonly batchSize?: number;
  /** Told of each eviction (a metric). */
  readonly onEvict?: () => void;
}

interface Watcher {
  readonly response: ServerResponse;
  readonly topic: Topic;
  /** The newest version this watcher has: sent here, or named by its Last-Event-ID. */
  sent: number;
  /** The heartbeat round it last got something in (a frame counts as a heartbeat). */
  pinged: number;
}

interface Topic {
  readonly key: string;
  readonly watchers: Set<Watcher>;
  frame: Frame | undefined;
  stop: (() => void) | undefined;
  /** A pass is writing to this topic's watchers (across turns of the loop). */
  passing: boolean;
  /** Something newer arrived during the pass: run another when it ends. */
  again: boolean;
}

/**
 * Server-sent events to many watchers per topic (an election's live results), each update
 * encoded once and written as the same Buffer to every watcher. Writes never wait: a watcher
 * whose socket does not drain is evicted instead of buffered for. A topic's source is opened with
 * its first watcher and closed with its last; nothing of a watcher stays once its socket closes.
 */
export class SseFanOut {
  private readonly topics = new Map<string, Topic>();
  private readonly byResponse = new Map<ServerResponse, Watcher>();
  private readonly maxBufferedBytes: number;
  private readonly batchSize: number;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly onEvict: () => void;
  private pingRound = 0;
  /** One listener for every watcher's "close" (`this` is the response): no closure per watcher. */
  private readonly onClose: (this: ServerResponse) => void;

  constructor(options: FanOutOptions = {}) {
    this.maxBufferedBytes = options.maxBufferedBytes ?? 64 * 1024;
    this.batchSize = options.batchSize ?? 256;
    this.onEvict = options.onEvict ?? (() => undefined);
    const leave = (response: ServerResponse) => this.leave(response);
    this.onClose = function (this: ServerResponse) {
      leave(this);
    };
    this.heartbeat = setInterval(() => {
      this.pingRound++;
      for (const topic of this.topics.values()) this.schedule(topic);
    }, options.pingMs ?? 15_000);
    this.heartbeat.unref();
  }

  /** Streams open right now. */
  get watchers(): number {
    return this.byResponse.size;
  }

  /** Topics with at least one watcher (each holds its source open). */
  get openTopics(): number {
    return this.topics.size;
  }

  /**
   * Starts the event stream on `response` for `key`: the connected event, then the topic's newest
   * frame if it is newer than `seen`, then every newer one. `open` starts the topic's source when
   * this is its first watcher; it gets `publish` and returns what stops the source.
   */
  join(
    key: string,
    response: ServerResponse,
    seen: number,
    open: (publish: (frame: Frame) => void) => () => void,
  ): void {
    let topic = this.topics.get(key);
    const isNew = !topic;
    if (!topic) {
      topic = { key, watchers: new Set(), frame: undefined, stop: undefined, passing: false, again: false };
      this.topics.set(key, topic);
    }
    const watcher: Watcher = { response, topic, sent: seen, pinged: this.pingRound };
    topic.watchers.add(watcher);
    this.byResponse.set(response, watcher);
    response.once("close", this.onClose);
    response.writeHead(200, SSE_HEADERS);
    response.write(CONNECTED_FRAME);
    if (topic.frame && topic.frame.version > seen) {
      response.write(topic.frame.bytes);
      watcher.sent = topic.frame.version;
    }
    if (isNew) {
      const opened = topic;
      // The source may publish at once (it already had a snapshot): the topic exists by then.
      opened.stop = open((frame) => this.publish(opened, frame));
    }
  }

  /** Ends every stream (the service is stopping): clients reconnect elsewhere with their last id. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const response of [...this.byResponse.keys()]) response.destroy();
  }

  private publish(topic: Topic, frame: Frame): void {
    if (topic.frame && frame.version <= topic.frame.version) return;
    topic.frame = frame;
    this.schedule(topic);
  }

  private leave(response: ServerResponse): void {
    const watcher = this.byResponse.get(response);
    if (!watcher) return;
    this.byResponse.delete(response);
    const { topic } = watcher;
    topic.watchers.delete(watcher);
    if (topic.watchers.size === 0 && this.topics.get(topic.key) === topic) {
      this.topics.delete(topic.key);
      topic.stop?.();
    }
  }

  private schedule(topic: Topic): void {
    if (topic.passing) {
      topic.again = true;
      return;
    }
    topic.passing = true;
    this.pass(topic, topic.watchers.values());
  }

  /** Writes to up to batchSize watchers, then yields the loop and carries on (a Set iterator survives changes to the set). */
  private pass(topic: Topic, watchers: Iterator<Watcher>): void {
    let written = 0;
    for (let next = watchers.next(); !next.done; next = watchers.next()) {
      this.serve(next.value);
      if (++written === this.batchSize) {
        setImmediate(() => this.pass(topic, watchers));
        return;
      }
    }
    topic.passing = false;
    if (topic.again && this.topics.get(topic.key) === topic) {
      topic.again = false;
      this.schedule(topic);
    }
  }

  /** The topic's newest frame if the watcher lacks it, else a heartbeat if one is due; or eviction. */
  private serve(watcher: Watcher): void {
    const { response, topic } = watcher;
    if (response.destroyed) return;
    const frame = topic.frame;
    const owed = frame !== undefined && frame.version > watcher.sent;
    if (!owed && watcher.pinged >= this.pingRound) return;
    if (response.writableLength > Math.max(this.maxBufferedBytes, frame?.bytes.length ?? 0)) {
      this.onEvict();
      // Destroying frees its buffered bytes now; "close" then removes the watcher.
      response.destroy();
      return;
    }
    if (owed) {
      response.write(frame.bytes);
      watcher.sent = frame.version;
    } else {
      response.write(PING_FRAME);
    }
    watcher.pinged = this.pingRound;
  }
}
