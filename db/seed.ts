import { count } from "drizzle-orm";
import type { Db } from "./client";
import { customers, offerSegments, offers, partners, users } from "./schema";
import { demoCustomers, demoOffers, demoPartners, demoUsers, DEMO_PASSWORD } from "./seed-data";
import { seedSubscriptions } from "./seed-subscriptions";
import { hashPassword } from "@/lib/auth/password";
import { DAY_MS } from "@/lib/subscriptions/clock";
import { markDemoData } from "@/lib/subscriptions/demo-clock";
import { createSandboxTemplates } from "@/lib/sandboxes/templates";

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

// `npm run db:seed`: seed the configured database if it is empty.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { openDatabase, databasePath } = await import("./client");
  const db = openDatabase();
  if (isSeeded(db)) console.log(`${databasePath()} already has data; use npm run db:reset to start over.`);
  else await seedDemoData(db, new Date());
  db.$client.close();
}
