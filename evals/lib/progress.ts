import { SingleBar } from 'cli-progress';

export interface Progress {
  tick(passed: boolean): void;
  stop(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A live bar on a terminal; in CI logs (no TTY) a redrawn bar turns into thousands of lines, so
 * there it prints one line every tenth of the run instead.
 */
export function createProgress(total: number, stream: ProgressStream): Progress {
  let done = 0;
  let failed = 0;
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream: stream as NodeJS.WritableStream,
      format:
        'eval [{bar}] {value}/{total} plays · {failed} failed · {duration_formatted} (eta {eta_formatted})',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
    });
    bar.start(total, 0, { failed: 0 });
    return {
      tick(passed) {
        failed += passed ? 0 : 1;
        bar.increment(1, { failed });
      },
      stop: () => bar.stop(),
    };
  }
  const every = Math.max(1, Math.ceil(total / 10));
  return {
    tick(passed) {
      done += 1;
      failed += passed ? 0 : 1;
      if (done % every === 0 || done === total)
        stream.write(`eval: ${done}/${total} plays, ${failed} failed\n`);
    },
    stop() {},
  };
}
