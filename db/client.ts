import path from "node:path";
import fs from "node:fs";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { RunResult, Statement } from "better-sqlite3";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database handle or a transaction: the domain accepts either. */
export type Db = BaseSQLiteDatabase<"sync", RunResult, Schema>;
export type AppDatabase = BetterSQLite3Database<Schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/partner-center.db";
const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export function databasePath(): string {
  return process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}

/** Opens the SQLite file (creating its folder), WAL mode and foreign keys on, migrated. */
export function openDatabase(file: string = databasePath()): AppDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  reuseStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/** How many compiled statements a connection keeps: every query shape the app has, with room to spare. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Drizzle asks better-sqlite3 to prepare (compile) a query's SQL every time it runs one, and compiling
 * cost more than running for most of our index lookups (0.1 ms against a few microseconds). A
 * connection's compiled statements are kept by their SQL text and handed out again, least recently
 * used dropped first. A statement is reset to object rows on reuse: drizzle switches it to array
 * rows (`raw()`) for typed selects but expects objects for plain `sql` queries.
 */
function reuseStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const compiled = new Map<string, Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = compiled.get(source);
    if (cached) {
      compiled.delete(source);
      compiled.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = compile(source);
    compiled.set(source, statement);
    if (compiled.size > STATEMENT_CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
    return statement;
  }) as Database.Database["prepare"];
}
