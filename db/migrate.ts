import { databasePath, openDatabase } from "./client";

// openDatabase applies every committed migration in db/migrations.
openDatabase().$client.close();
console.log(`Migrated ${databasePath()}`);
