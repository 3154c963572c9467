// Run by `npm start`: migrate the database file, and fill it with demo data when it is empty.
import { openDatabase, databasePath } from "./client";
import { isSeeded, seedDemoData } from "./seed";

const db = openDatabase();
if (!isSeeded(db)) {
  await seedDemoData(db, new Date());
  console.log(`Seeded demo data into ${databasePath()}`);
}
db.$client.close();
