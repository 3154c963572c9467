// Run by `npm start`: migrate the database file, and fill it with demo data when it is empty.
import { openDatabase, databasePath } from "./client";
import { addSandboxTemplates, isSeeded, seedDemoData } from "./seed";
import { hasSandboxTemplates } from "@/lib/sandboxes/templates";

const db = openDatabase();
if (!isSeeded(db)) {
  await seedDemoData(db, new Date());
  console.log(`Seeded demo data into ${databasePath()}`);
} else if (!hasSandboxTemplates(db)) {
  await addSandboxTemplates(db, new Date());
  console.log(`Added the sandbox templates to ${databasePath()}`);
}
db.$client.close();
