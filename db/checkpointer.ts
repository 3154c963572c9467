import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/**
 * How many WAL pages the request thread lets pile up before it checkpoints them itself: a backstop
 * for when the background checkpointer can't keep up or has stopped (SQLite's default is 1,000).
 */
export const BACKSTOP_PAGES = 20_000;
/** How often the background checkpointer copies the WAL into the database file. */
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * The worker's whole program (plain CommonJS, so the bundler has nothing to resolve): its own
 * connection to the same file, a PASSIVE checkpoint every interval. PASSIVE never waits for the
 * writer or readers; frames a reader still needs wait for the next round.
 */
const WORKER_PROGRAM = `
const { workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or locked: the next round tries again, and the backstop stays in place.
  }
}, workerData.intervalMs);
`;

/**
 * Moves WAL checkpoints off the request thread. By default the connection that commits checkpoints
 * every 1,000 pages inside that commit: with about 40 pages written per Buy (an order, a
 * subscription, its charge and activity row and their indexes), every 25th Buy also copied 4 MB
 * into the database file and waited for fsync, a third of Buy's time on the thread every request
 * shares. Here a worker thread with a connection of its own checkpoints in the background, and the
 * request thread only does so past the backstop (or again every 1,000 pages if the worker fails).
 */
export function checkpointInBackground(sqlite: Database.Database, file: string): Worker {
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const worker = new Worker(WORKER_PROGRAM, { eval: true, workerData: { file, intervalMs: CHECKPOINT_INTERVAL_MS } });
  const inline = () => {
    if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
  };
  worker.on("error", inline);
  worker.on("exit", inline);
  // A server stopping never waits for its checkpointer; the next connection replays the WAL.
  worker.unref();
  return worker;
}
