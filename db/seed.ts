import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { openDatabase, type AppDatabase, type Db } from "./client";
import { customers, offerSegments, offers, partners, users } from "./schema";
import { demoCustomers, demoOffers, demoPartners, demoUsers, DEMO_PASSWORD } from "./seed-data";
import { seedSubscriptions } from "./seed-subscriptions";
import { hashPassword } from "@/lib/auth/password";
import { DAY_MS } from "@/lib/subscriptions/clock";
import { markDemoData } from "@/lib/subscriptions/demo-clock";
import { copySandboxTemplates, createSandboxTemplates } from "@/lib/sandboxes/templates";

export function isSeeded(db: Db): boolean {
  return db.select({ n: count() }).from(partners).get()!.n > 0;
}

/** Fills an empty database with the demo partners, users, customers, catalog and subscriptions. */
export async function seedDemoData(db: Db, now: Date): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    tx.insert(partners).values(demoPartners).run();
    tx.insert(users).values(demoUsers.map((u) => ({ ...u, passwordHash }))).run();
    tx.insert(customers)
      .values(
        demoCustomers.map(({ openedDaysAgo, firstBillingDaysAfterOpening, ...c }) => {
          const createdAt = new Date(now.getTime() - openedDaysAgo * DAY_MS);
          const firstBillingAt = firstBillingDaysAfterOpening === null ? null : new Date(createdAt.getTime() + firstBillingDaysAfterOpening * DAY_MS);
          return { ...c, createdAt, firstBillingAt };
        }),
      )
      .run();
    for (const { segments, ...offer } of demoOffers) {
      tx.insert(offers).values(offer).run();
      tx.insert(offerSegments).values(segments.map((segment) => ({ offerId: offer.id!, segment }))).run();
    }
    markDemoData(tx);
    seedSubscriptions(tx, now);
    // The hidden tenants every sandbox is copied from, frozen as the demo partners are now.
    createSandboxTemplates(tx, now);
  });
}

/**
 * A database seeded before sandboxes existed gets their templates from a fresh seed made in a scratch
 * file beside it (its own demo partners may have been changed by use, so they are not copied).
 */
export async function addSandboxTemplates(db: AppDatabase, now: Date): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-templates-"));
  try {
    const file = path.join(dir, "seed.db");
    const scratch = openDatabase(file);
    await seedDemoData(scratch, now);
    scratch.$client.close();
    db.$client.prepare("ATTACH DATABASE ? AS fresh_seed").run(file);
    try {
      db.transaction((tx) => copySandboxTemplates(tx, "fresh_seed", now));
    } finally {
      db.$client.exec("DETACH DATABASE fresh_seed");
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npm run db:seed`: seed the configured database if it is empty.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { databasePath } = await import("./client");
  const db = openDatabase();
  if (isSeeded(db)) console.log(`${databasePath()} already has data; use npm run db:reset to start over.`);
  else await seedDemoData(db, new Date());
  db.$client.close();
}
