// A one-line progress counter on stderr for long runs; silent unless stderr is a terminal and the run is long.
export interface Progress {
  /** Called before each file is analyzed. */
  start(file: string): void;
  /** Erases the line so an error message or the end of the run prints cleanly. */
  clear(): void;
}

/** Runs under this many files finish too fast for a counter to help. */
const MIN_FILES = 20;
const REDRAW_MS = 100;

/** The total of a run whose files are still being found: how many are known so far, and how to show it ("120+"). */
export interface RunningTotal {
  atLeast: number;
  show(): string;
}

export function createProgress(total: number | RunningTotal, stream: NodeJS.WriteStream = process.stderr): Progress {
  const atLeast = typeof total === 'number' ? total : total.atLeast;
  if (!stream.isTTY || atLeast <= MIN_FILES) return { start() {}, clear() {} };
  const show = () => (typeof total === 'number' ? String(total) : total.show());
  let done = 0;
  let lastDraw = 0;
  let shown = false;
  return {
    start(file) {
      done++;
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS && done !== atLeast) return;
      lastDraw = now;
      const width = Math.max(20, (stream.columns || 80) - 1);
      const line = `analyzing ${done}/${show()}  ${file}`;
      stream.write(`\r\x1b[K${[...line].slice(0, width).join('')}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      lastDraw = 0;
    },
  };
}
