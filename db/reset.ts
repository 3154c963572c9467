import fs from "node:fs";
import { databasePath, openDatabase } from "./client";
import { seedDemoData } from "./seed";

// Deletes the database file and its WAL, then migrates and seeds afresh.
const file = databasePath();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
const db = openDatabase(file);
await seedDemoData(db, new Date());
db.$client.close();
console.log(`Reset ${file} with demo data`);
