import { describe, expect, it } from "vitest";
import { getCustomer, listCustomers, PAGE_SIZE } from "@/lib/subscriptions";
import { captureQueries } from "@/scripts/bench/plans";
import { actorFor, addCustomer, domainError, freshDb } from "./helpers";

const CONTOSO_CUSTOMERS = 17;

describe("listCustomers", () => {
  it("lists only the partner's own customers, by name", () => {
    const { db } = freshDb();
    const page = listCustomers(db, actorFor(db, "contoso-global-admin"));
    expect(page.total).toBe(CONTOSO_CUSTOMERS);
    expect(page.items.every((c) => c.partnerId === "contoso-partners")).toBe(true);
    const names = page.items.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names[0]).toBe("Bellows College");

    const adventure = listCustomers(db, actorFor(db, "adventure-works-global-admin"));
    expect(adventure.items.map((c) => c.id).sort()).toEqual(["city-power-and-light", "lakeshore-retail", "libertys-bakery", "northridge-school-district"]);
  });

  it("searches names case-insensitively within the partner", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    expect(listCustomers(db, actor, { q: "city of" }).items.map((c) => c.name)).toEqual(["City of Bellevue", "City of Redmond"]);
    expect(listCustomers(db, actor, { q: "COFFEE" }).total).toBe(0);
    expect(listCustomers(db, actor, { q: "zzz-nothing" })).toEqual({ items: [], total: 0, page: 1, pageCount: 1, nextCursor: null, prevCursor: null });
  });

  it("a search's count follows customers added, renamed, moved and removed, though it is kept between searches", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const total = () => listCustomers(db, actor, { q: "city of" }).total;
    expect(total()).toBe(2);
    addCustomer(db, { id: "city-of-kirkland", name: "City of Kirkland", partnerId: "contoso-partners" });
    expect(total()).toBe(3);
    db.$client.prepare("UPDATE customers SET name = 'Kirkland Parks' WHERE id = 'city-of-kirkland'").run();
    expect(total()).toBe(2);
    db.$client.prepare("UPDATE customers SET name = 'City of Kirkland' WHERE id = 'city-of-kirkland'").run();
    expect(total()).toBe(3);
    db.$client.prepare("UPDATE customers SET partner_id = 'trey-research' WHERE id = 'city-of-kirkland'").run();
    expect(total()).toBe(2);
    db.$client.prepare("DELETE FROM customers WHERE name = 'City of Redmond'").run();
    expect(total()).toBe(1);
  });

  it("counts a repeated search's matches once, until the names change", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    const totals: number[] = [];
    const search = () => totals.push(listCustomers(db, actor, { q: "city of" }).total);
    const statements = captureQueries(db.$client, () => {
      search();
      search();
      addCustomer(db, { id: "city-of-kirkland", name: "City of Kirkland", partnerId: "contoso-partners" });
      search();
      // Inside a transaction (whose names may yet roll back) it counts, and keeps nothing.
      db.transaction(() => search());
      search();
    });
    expect(totals).toEqual([2, 2, 3, 3, 3]);
    const counts = statements.filter((q) => /count\(/i.test(q.sql) && /like/i.test(q.sql));
    expect(counts).toHaveLength(3);
  });

  it("treats LIKE wildcards in the search as plain text", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    expect(listCustomers(db, actor, { q: "%" }).total).toBe(0);
    expect(listCustomers(db, actor, { q: "_" }).total).toBe(0);
  });

  it("finds a name that contains a LIKE wildcard", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    addCustomer(db, { id: "organic-100", name: "100% Organic Farms", partnerId: "contoso-partners" });
    addCustomer(db, { id: "snake-case", name: "Snake_Case Labs", partnerId: "contoso-partners" });
    expect(listCustomers(db, actor, { q: "100%" }).items.map((c) => c.id)).toEqual(["organic-100"]);
    expect(listCustomers(db, actor, { q: "e_C" }).items.map((c) => c.id)).toEqual(["snake-case"]);
  });

  it.each([
    // Countries sort by the names the list shows, not by ISO code.
    ["country", "asc", (c: { billingCountry: string }) => new Intl.DisplayNames(["en"], { type: "region" }).of(c.billingCountry)!],
    ["segment", "desc", (c: { segment: string }) => c.segment],
    ["created", "desc", (c: { createdAt: Date }) => c.createdAt.getTime()],
    ["name", "desc", (c: { name: string }) => c.name],
    // Ties follow the sort's direction, so each sort is one walk of its (column, id) index.
  ] as const)("sorts by %s %s, ties by id in the same direction", (sort, dir, key) => {
    const { db } = freshDb();
    const { items } = listCustomers(db, actorFor(db, "contoso-global-admin"), { sort, dir });
    const keys = items.map((c) => key(c as never) as string | number);
    const sorted = [...keys].sort((a, b) => (typeof a === "string" && typeof b === "string" ? a.localeCompare(b) : a < b ? -1 : a > b ? 1 : 0));
    expect(keys).toEqual(dir === "asc" ? sorted : sorted.reverse());
    for (let i = 1; i < items.length; i++) {
      if (keys[i] === keys[i - 1]) expect(items[i].id > items[i - 1].id).toBe(dir === "asc");
    }
  });

  it("sorts the newest customer first by created date", () => {
    const { db } = freshDb();
    const { items } = listCustomers(db, actorFor(db, "contoso-global-admin"), { sort: "created", dir: "desc" });
    expect(items[0].id).toBe("tailwind-traders");
    expect(items.at(-1)!.id).toBe("humongous-insurance");
  });

  it("pages by 20 and clamps the page number", () => {
    const { db } = freshDb();
    const actor = actorFor(db, "contoso-global-admin");
    for (let i = 1; i <= 6; i++) addCustomer(db, { id: `zz-extra-${i}`, name: `Zz Extra ${i}`, partnerId: "contoso-partners" });
    const total = CONTOSO_CUSTOMERS + 6;
    const first = listCustomers(db, actor);
    expect(first).toMatchObject({ total, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(PAGE_SIZE);
    const second = listCustomers(db, actor, { page: 2 });
    expect(second.items.map((c) => c.id)).toEqual(["zz-extra-4", "zz-extra-5", "zz-extra-6"]);
    expect(new Set([...first.items, ...second.items].map((c) => c.id)).size).toBe(total);
    expect(listCustomers(db, actor, { page: 99 }).page).toBe(2);
    expect(listCustomers(db, actor, { page: 0 }).page).toBe(1);
    expect(listCustomers(db, actor, { page: -3 }).items[0].id).toBe(first.items[0].id);
  });
});

describe("getCustomer", () => {
  it("finds the partner's customer", () => {
    const { db } = freshDb();
    expect(getCustomer(db, actorFor(db, "contoso-sales-agent"), "fabrikam").name).toBe("Fabrikam, Inc.");
  });

  it("answers not found for another partner's customer, as for a missing one", () => {
    const { db } = freshDb();
    const contoso = actorFor(db, "contoso-global-admin");
    expect(domainError(() => getCustomer(db, contoso, "libertys-bakery")).code).toBe("not_found:customer");
    expect(domainError(() => getCustomer(db, contoso, "no-such-customer")).code).toBe("not_found:customer");
    expect(domainError(() => getCustomer(db, actorFor(db, "adventure-works-global-admin"), "fabrikam")).code).toBe("not_found:customer");
  });
});
