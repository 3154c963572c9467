import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "@/db/schema";
import { listCustomers } from "@/lib/subscriptions";
import { actorFor, freshDb } from "./helpers";

describe("the customers list's total", () => {
  it("follows customers added, moved and removed, without counting the table", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const counted = () => db.select({ n: count() }).from(customers).where(eq(customers.partnerId, actor.partnerId)).get()!.n;
    const before = listCustomers(db, actor).total;
    expect(before).toBe(counted());
    const row = { partnerId: actor.partnerId, segment: "commercial" as const, billingCountry: "US", contactName: "A", contactEmail: "a@example.com", createdAt: new Date(0) };
    db.insert(customers).values([1, 2, 3].map((i) => ({ ...row, id: `count-${i}`, name: `Count ${i}` }))).run();
    expect(listCustomers(db, actor).total).toBe(before + 3);
    db.update(customers).set({ partnerId: "margies-travel" }).where(eq(customers.id, "count-1")).run();
    expect(listCustomers(db, actor).total).toBe(before + 2);
    expect(listCustomers(db, actorFor(db, "margies-travel-global-admin")).total).toBe(db.select({ n: count() }).from(customers).where(eq(customers.partnerId, "margies-travel")).get()!.n);
    db.delete(customers).where(eq(customers.id, "count-2")).run();
    expect(listCustomers(db, actor).total).toBe(before + 1);
    expect(listCustomers(db, actor).total).toBe(counted());
    expect(listCustomers(db, actor, { q: "Count" }).total).toBe(1);
  });
});
