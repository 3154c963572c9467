import "server-only";
import { checkpointInBackground } from "./checkpointer";
import { databasePath, openDatabase, type AppDatabase } from "./client";

// One connection per server process; kept on globalThis so dev reloads reuse it.
const globalForDb = globalThis as unknown as { partnerCenterDb?: AppDatabase };

export function getDb(): AppDatabase {
  if (!globalForDb.partnerCenterDb) {
    const file = databasePath();
    globalForDb.partnerCenterDb = openDatabase(file);
    if (file !== ":memory:") checkpointInBackground(globalForDb.partnerCenterDb.$client, file);
  }
  return globalForDb.partnerCenterDb;
}
