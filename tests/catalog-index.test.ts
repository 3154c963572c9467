import { and, asc, eq, exists, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { offerSegments, offers } from "@/db/schema";
import { catalogIndex, filterCatalog } from "@/lib/subscriptions/catalog-index";
import { freshDb } from "./helpers";

/** The catalog's scope and search as one SQL query, the way listCatalog read it before the index. */
function sqlCatalog(db: ReturnType<typeof freshDb>["db"], q: string | null) {
  const pattern = q === null ? null : `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: offers.id })
    .from(offers)
    .where(
      and(
        eq(offers.cloud, "commercial"),
        isNull(offers.prerequisiteOfferId),
        exists(db.select({ one: offerSegments.offerId }).from(offerSegments).where(and(eq(offerSegments.segment, "commercial"), eq(offerSegments.offerId, offers.id)))),
        pattern === null ? undefined : sql`${offers.name} like ${pattern} escape '\\'`,
      ),
    )
    .orderBy(asc(offers.name), asc(offers.id))
    .all()
    .map((o) => o.id);
}

describe("the catalog index", () => {
  it("holds the same offers in the same order as the catalog query in SQL, for every search", () => {
    const { db } = freshDb();
    const index = catalogIndex(db, "commercial", "commercial");
    expect(index.map((o) => o.offer.id)).toEqual(sqlCatalog(db, null));
    for (const q of ["OFFICE", "office 365 e", "365", "e3 t", "%", "_", "\\", "Ä", "zz-no-such"]) {
      expect(filterCatalog(index, { q }).map((o) => o.offer.id), q).toEqual(sqlCatalog(db, q));
    }
  });

  it("is one list per cloud and segment, reused by later requests on the same database", () => {
    const { db } = freshDb();
    const first = catalogIndex(db, "commercial", "commercial");
    expect(catalogIndex(db, "commercial", "commercial")).toBe(first);
    const education = catalogIndex(db, "commercial", "education");
    expect(education).not.toBe(first);
    expect(catalogIndex(db, "us_government", "government").every((o) => !first.some((f) => f.offer.id === o.offer.id))).toBe(true);
  });

  it("keeps each filter combination's matches, so later pages and counts reuse them", () => {
    const { db } = freshDb();
    const index = catalogIndex(db, "commercial", "commercial");
    expect(filterCatalog(index, {})).toBe(index);
    const isvLicenses = filterCatalog(index, { publisher: ["partner"], billingType: ["license"] });
    expect(isvLicenses.length).toBeGreaterThan(0);
    expect(isvLicenses.every((o) => o.offer.publisherKind === "partner" && o.offer.billingType === "license")).toBe(true);
    expect(filterCatalog(index, { publisher: ["partner"], billingType: ["license"] })).toBe(isvLicenses);
    expect(filterCatalog(index, { publisher: ["partner"], billingType: ["license"], q: "backup" })).not.toBe(isvLicenses);
  });
});
