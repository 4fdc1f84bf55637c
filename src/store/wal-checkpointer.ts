import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The checkpointing thread (CommonJS, run from this string so it needs no file of its own under
 * `tsx`, vitest or the build). Each wake-up waits `pauseMs`, so commits that come in between share
 * one checkpoint, then runs a passive checkpoint on a connection of its own and says it is done.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let closed = false;
parentPort.on('message', (message) => {
  if (message === 'close') {
    closed = true;
    db?.close();
    parentPort.close();
    return;
  }
  setTimeout(() => {
    if (closed) return;
    try {
      db ??= new Database(workerData.path);
      // exec leaves no prepared statement behind to keep the connection open after close()
      db.exec('PRAGMA wal_checkpoint(PASSIVE)');
      parentPort.postMessage({ done: true });
    } catch (error) {
      parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  }, workerData.pauseMs);
});
`;

/** How long a wake-up waits before it checkpoints, so a flood's commits share one. */
const PAUSE_MS = 20;

export interface WalCheckpointer {
  /** After a commit: a checkpoint soon, unless one is already on its way. */
  wake(): void;
  close(): void;
}

/**
 * Copies committed pages from a libSQL file's WAL into the database on a thread of its own.
 *
 * SQLite otherwise checkpoints inside whichever commit fills the WAL to 1,000 pages, on the
 * thread that serves requests: that commit takes several milliseconds longer (its page writes and
 * two fsyncs), and every webhook and turn waiting behind it does too. Here the commits stay short;
 * the checkpoint is passive, so it never blocks a writer, and SQLite's own checkpoint remains for a
 * WAL the thread has not kept up with. A thread that fails reports through `onError`; the database
 * carries on without it.
 */
export function startWalCheckpointer(path: string, onError: (message: string) => void): WalCheckpointer {
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { path, driver: createRequire(import.meta.url).resolve('libsql'), pauseMs: PAUSE_MS },
  });
  // it must not keep the process alive, nor hold it when it stops
  worker.unref();
  let pending = false;
  /** A commit came while a checkpoint was on its way, which may have started before it. */
  let again = false;
  let closed = false;
  worker.on('message', (message: { done?: true; error?: string }) => {
    pending = false;
    if (message.error !== undefined) onError(message.error);
    if (again) {
      again = false;
      checkpointer.wake();
    }
  });
  worker.on('error', (error) => {
    closed = true;
    onError(error.message);
  });
  const checkpointer: WalCheckpointer = {
    wake() {
      if (closed) return;
      if (pending) {
        again = true;
        return;
      }
      pending = true;
      worker.postMessage('wake');
    },
    close() {
      if (closed) return;
      closed = true;
      worker.postMessage('close');
    },
  };
  return checkpointer;
}
