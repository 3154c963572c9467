import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BACKSTOP_PAGES, checkpointInBackground } from "@/db/checkpointer";
import { openDatabase, type AppDatabase } from "@/db/client";

let open: { db: AppDatabase; stop: () => Promise<number> } | null = null;
afterEach(async () => {
  await open?.stop();
  open?.db.$client.close();
  open = null;
});

function scratchDatabase() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "checkpoint-")), "db.sqlite");
  const db = openDatabase(file);
  db.$client.exec("CREATE TABLE scratch (payload BLOB)");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  const worker = checkpointInBackground(db.$client, file);
  open = { db, stop: () => worker.terminate() };
  return { file, db, worker };
}

/** Writes about `pages` pages of rows, one transaction per row, as requests do. */
function write(db: AppDatabase, pages: number) {
  const insert = db.$client.prepare("INSERT INTO scratch (payload) VALUES (?)");
  for (let i = 0; i < pages; i++) insert.run(Buffer.alloc(4000, i));
}

async function eventually(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  return check();
}

describe("WAL checkpoints in the background", () => {
  it("the committing connection leaves checkpoints to the worker, keeping its own only as a backstop", () => {
    const { db } = scratchDatabase();
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(BACKSTOP_PAGES);
  });

  it("committed pages reach the database file without the committing connection checkpointing", async () => {
    const { file, db } = scratchDatabase();
    const before = fs.statSync(file).size;
    write(db, 300);
    // Far below the backstop: only the worker can have copied them into the file.
    expect(await eventually(() => fs.statSync(file).size >= before + 300 * 4000)).toBe(true);
    expect(db.$client.prepare("SELECT count(*) FROM scratch").pluck().get()).toBe(300);
  });

  it("if the worker stops, the connection checkpoints inline again, as SQLite does by default", async () => {
    const { db, worker } = scratchDatabase();
    await worker.terminate();
    expect(await eventually(() => db.$client.pragma("wal_autocheckpoint", { simple: true }) === 1000)).toBe(true);
  });
});
