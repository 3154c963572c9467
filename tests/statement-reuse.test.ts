import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partners } from "@/db/schema";
import { freshDb } from "./helpers";

describe("compiled statements are reused per connection", () => {
  it("hands the same statement out again for the same SQL", () => {
    const { db } = freshDb();
    const text = "select id from partners order by id limit 1";
    expect(db.$client.prepare(text)).toBe(db.$client.prepare(text));
  });

  it("returns objects to a plain query after a typed select switched the same statement to arrays", () => {
    const { db } = freshDb();
    const typed = db.select({ id: partners.id }).from(partners).where(eq(partners.id, "contoso-partners"));
    expect(typed.get()).toEqual({ id: "contoso-partners" });
    const { sql: text } = typed.toSQL();
    expect(db.all(sql.raw(text.replace("?", "'contoso-partners'")))).toEqual([{ id: "contoso-partners" }]);
    // The same text, byte for byte, through the statement drizzle used in array mode.
    expect(db.$client.prepare(text).get("contoso-partners")).toEqual({ id: "contoso-partners" });
  });
});
