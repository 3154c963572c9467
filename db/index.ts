import "server-only";
import { openDatabase, type AppDatabase } from "./client";

// One connection per server process; kept on globalThis so dev reloads reuse it.
const globalForDb = globalThis as unknown as { partnerCenterDb?: AppDatabase };

export function getDb(): AppDatabase {
  globalForDb.partnerCenterDb ??= openDatabase();
  return globalForDb.partnerCenterDb;
}
