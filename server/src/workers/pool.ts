// Runs analysis jobs on a pool of worker threads, or in this thread when one job at a time is asked for. Workers
// start on first use; each holds at most two jobs (one running, one waiting in its port) so none idles between
// jobs while the rest wait in the pool's queue, where a caller can still drop them. A worker that dies fails only
// the jobs it held, and a fresh one takes its place.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { handlers, type JobKind, type JobMessage, type JobReply, type Jobs, type WorkerSettings } from './jobs';

export interface JobRunner {
  /** How many jobs run at once. */
  readonly size: number;
  /** @param signal drops the job while it still waits in the queue (rejected with `JobDropped`). */
  run<K extends JobKind>(kind: K, request: Jobs[K]['request'], signal?: AbortSignal): Promise<Jobs[K]['response']>;
  /** Starts the workers now, so they load the analysis while the caller prepares the jobs. */
  warmUp(): void;
  /** Stops the workers; jobs still queued are rejected. */
  close(): Promise<void>;
}

export interface RunnerOptions {
  /** Parallel jobs; 1 runs them in this thread unless `threads` is set. */
  size: number;
  /** Use worker threads even for size 1 (the language server must never analyze on its own event loop). */
  threads?: boolean;
  /** Let the process exit while workers are idle (the language server's life is its connection's). */
  unref?: boolean;
  /** Stop workers idle this long; they start again on the next job. */
  idleMs?: number;
  /** Run the workers at a lower CPU priority than this thread (the editor's requests come first). */
  background?: boolean;
  /**
   * This thread runs a share of the jobs beside `size - 1` workers (the CLI, whose thread has nothing else to do
   * but write results): one isolate fewer to start and to warm up its compiled code, on a machine with no core to
   * spare for a thread that mostly waits.
   */
  shareThisThread?: boolean;
}

/** The rejection of a job dropped from the queue by its signal, before any worker started it. */
export class JobDropped extends Error {
  constructor() {
    super('the job was dropped before it started');
  }
}

/** Files a worker thread must have to pay for starting it (loading the analysis takes as long as a few dozen). */
export const FILES_PER_THREAD = 32;

/** One job per core; for a known number of files, no more threads than that many files pay for. */
export function defaultJobs(files = Infinity): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / FILES_PER_THREAD)));
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const size = Math.max(1, Math.floor(options.size));
  if (size === 1 && !options.threads) return new InlineRunner();
  const pool = (workers: number) =>
    new WorkerPool(workers, { unref: options.unref ?? false, idleMs: options.idleMs ?? 0, background: options.background ?? false });
  return options.shareThisThread && !options.threads ? new SharedRunner(size, pool(size - 1)) : pool(size);
}

/** One job at a time in this thread, each in its own macrotask so I/O callbacks run between files. */
class InlineRunner implements JobRunner {
  readonly size = 1;

  run<K extends JobKind>(kind: K, request: Jobs[K]['request'], signal?: AbortSignal): Promise<Jobs[K]['response']> {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        if (signal?.aborted) {
          reject(new JobDropped());
          return;
        }
        try {
          resolve((handlers[kind] as (r: Jobs[K]['request']) => Jobs[K]['response'])(request));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  warmUp(): void {}

  async close(): Promise<void> {}
}

/** A job in this thread whenever it has none running, the others to the workers. */
class SharedRunner implements JobRunner {
  private readonly inline = new InlineRunner();
  private inlineBusy = false;

  constructor(
    readonly size: number,
    private readonly pool: JobRunner,
  ) {}

  run<K extends JobKind>(kind: K, request: Jobs[K]['request'], signal?: AbortSignal): Promise<Jobs[K]['response']> {
    if (this.inlineBusy) return this.pool.run(kind, request, signal);
    this.inlineBusy = true;
    return this.inline.run(kind, request, signal).finally(() => (this.inlineBusy = false));
  }

  warmUp(): void {
    this.pool.warmUp();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

interface Pending {
  message: JobMessage;
  resolve(response: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  held: Map<number, Pending>;
}

const PER_WORKER = 2;

class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;

  private readonly unref: boolean;
  private readonly idleMs: number;
  private readonly background: boolean;

  constructor(
    readonly size: number,
    options: { unref: boolean; idleMs: number; background: boolean },
  ) {
    ({ unref: this.unref, idleMs: this.idleMs, background: this.background } = options);
  }

  run<K extends JobKind>(kind: K, request: Jobs[K]['request'], signal?: AbortSignal): Promise<Jobs[K]['response']> {
    if (this.closed) return Promise.reject(new Error('the analysis workers were stopped'));
    if (signal?.aborted) return Promise.reject(new JobDropped());
    clearTimeout(this.idleTimer);
    return new Promise((resolve, reject) => {
      const pending: Pending = { message: { id: this.nextId++, kind, request }, resolve: resolve, reject };
      this.queue.push(pending);
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.queue.indexOf(pending);
          if (at === -1) return; // already with a worker: the job itself decides whether to stop
          this.queue.splice(at, 1);
          reject(new JobDropped());
        },
        { once: true },
      );
      this.dispatch();
    });
  }

  warmUp(): void {
    if (this.closed) return;
    while (this.slots.length < this.size) this.start();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the analysis workers were stopped'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.freeSlot();
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.held.set(pending.message.id, pending);
      if (slot.held.size === 1 && this.unref) slot.worker.ref();
      slot.worker.postMessage(pending.message);
    }
    if (this.idleMs > 0 && this.slots.length > 0 && this.slots.every((s) => s.held.size === 0)) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.stopIdle(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  /** The least loaded worker with room, starting one while the pool is below its size. */
  private freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) if (slot.held.size < PER_WORKER && (!best || slot.held.size < best.held.size)) best = slot;
    if (best && best.held.size === 0) return best;
    if (this.slots.length < this.size) return this.start();
    return best;
  }

  private start(): Slot {
    const slot: Slot = { worker: spawnWorker({ background: this.background }), held: new Map() };
    if (this.unref) slot.worker.unref();
    slot.worker.on('message', (reply: JobReply) => {
      const pending = slot.held.get(reply.id);
      if (!pending) return;
      slot.held.delete(reply.id);
      if (slot.held.size === 0 && this.unref) slot.worker.unref();
      if (reply.ok) pending.resolve(reply.response);
      else pending.reject(new Error(reply.error));
      this.dispatch();
    });
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index === -1) return; // already replaced (error and exit both fire)
      this.slots.splice(index, 1);
      for (const pending of slot.held.values()) pending.reject(error);
      slot.held.clear();
      void slot.worker.terminate();
      if (!this.closed) this.dispatch();
    };
    slot.worker.on('error', (error) => fail(new Error(`an analysis worker failed: ${error.stack ?? error.message}`)));
    slot.worker.on('exit', (code) => fail(new Error(`an analysis worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private async stopIdle(): Promise<void> {
    if (this.slots.some((s) => s.held.size > 0) || this.queue.length > 0) return;
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }
}

/**
 * The bundles ship `dist/analysisWorker.js` beside `dist/server.js` and `dist/cli.js`, loaded through
 * `dist/analysisWorkerLoader.js` with V8's code cache (workerLoader.ts); from the TypeScript sources (tests,
 * benchmarks under tsx) the worker loads tsx's require hook first and then the `.ts` entry.
 */
function spawnWorker(workerData: WorkerSettings): Worker {
  if (!__filename.endsWith('.ts')) return new Worker(join(__dirname, 'analysisWorkerLoader.js'), { workerData });
  const hook = 'tsx/cjs'; // not a literal in require.resolve, so the bundler leaves it alone
  const entry = join(__dirname, 'analysisWorker.ts');
  return new Worker(`require(${JSON.stringify(require.resolve(hook))}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}
