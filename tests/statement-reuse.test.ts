import { eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { describe, expect, it } from "vitest";
import { partners } from "@/db/schema";

const partnerName = preparedQuery((db) => db.select({ name: partners.name }).from(partners).where(eq(partners.id, sql.placeholder("id"))).prepare());
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

describe("queries prepared once per connection", () => {
  it("run inside the transaction of the handle they are given, and see its writes and its rollback", () => {
    const { db } = freshDb();
    const name = (handle: Parameters<typeof partnerName>[0]) => partnerName(handle).get({ id: "contoso-partners" })?.name;
    expect(name(db)).toBe("Contoso Cloud Partners");
    expect(() =>
      db.transaction((tx) => {
        tx.update(partners).set({ name: "Renamed" }).where(eq(partners.id, "contoso-partners")).run();
        expect(name(tx)).toBe("Renamed");
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(name(db)).toBe("Contoso Cloud Partners");
  });

  it("are prepared separately for each database", () => {
    const one = freshDb().db;
    const two = freshDb().db;
    two.update(partners).set({ name: "Second file" }).where(eq(partners.id, "contoso-partners")).run();
    expect(partnerName(one)).not.toBe(partnerName(two));
    expect(partnerName(two).get({ id: "contoso-partners" })?.name).toBe("Second file");
    expect(partnerName(one).get({ id: "contoso-partners" })?.name).toBe("Contoso Cloud Partners");
  });
});
