import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, type AppDatabase } from "@/db/client";
import { seedDemoData } from "@/db/seed";

/** The instant the demo data is seeded at: every integration test reasons from it. */
export const SEED_NOW = "2026-03-02T09:00:00.000Z";

declare module "vitest" {
  export interface ProvidedContext {
    seedNow: string;
    /** Migrated and seeded at SEED_NOW. */
    baseDbFile: string;
    /** Migrated, no rows. */
    emptyDbFile: string;
    /** Where each test's copy lives; removed when the run ends. */
    testDbDir: string;
  }
}

const STALE_MS = 60 * 60 * 1000;

/** A run killed before its teardown leaves its folder behind: remove those over an hour old. */
function removeAbandonedRuns(root: string): void {
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    if (name.startsWith("vitest-") && Date.now() - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Closes a freshly built file as one self-contained file (no WAL beside it), ready to be copied. */
function finish(db: AppDatabase): void {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("journal_mode = DELETE");
  db.$client.close();
}

/**
 * Builds the migrated base files once per run (epic-stack's global setup): one with the demo seed at
 * SEED_NOW, one empty. Each test copies one of them, so no two tests share a database. Everything
 * lives in one folder per run under .tmp/, so two runs at once don't trip over each other.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = path.resolve(".tmp");
  fs.mkdirSync(root, { recursive: true });
  removeAbandonedRuns(root);
  const runDir = fs.mkdtempSync(path.join(root, "vitest-"));
  const baseDbFile = path.join(runDir, "test-base.db");
  const emptyDbFile = path.join(runDir, "test-empty.db");
  const testDbDir = path.join(runDir, "tests");
  fs.mkdirSync(testDbDir);

  const seeded = openDatabase(baseDbFile);
  await seedDemoData(seeded, new Date(SEED_NOW));
  finish(seeded);
  finish(openDatabase(emptyDbFile));

  project.provide("seedNow", SEED_NOW);
  project.provide("baseDbFile", baseDbFile);
  project.provide("emptyDbFile", emptyDbFile);
  project.provide("testDbDir", testDbDir);

  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
