import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { customers, type Customer } from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { assertCan, type Actor } from "./permissions";

export const CUSTOMER_SORTS = ["name", "country", "segment", "created"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const PAGE_SIZE = 20;

export interface ListCustomersParams {
  q?: string;
  sort?: CustomerSort;
  dir?: "asc" | "desc";
  page?: number;
}

/** Which rows a requested page shows, the page clamped to those that exist. */
export function pageWindow(total: number, requested = 1) {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // Only a whole page number reaches OFFSET: 1.01 would be a fractional offset, a 500 from SQLite.
  const page = Number.isSafeInteger(requested) ? Math.min(Math.max(1, requested), pageCount) : 1;
  return { page, pageCount, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

const REGIONS = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * Countries sort by the names the list shows, not by ISO code: rank the partner's few distinct
 * codes by name, and order by that rank in SQL.
 */
function countryNameRank(db: Db, actor: Actor): SQL {
  const codes = db.selectDistinct({ code: customers.billingCountry }).from(customers).where(partnerScope(actor)).all().map((r) => r.code);
  codes.sort((a, b) => (REGIONS.of(a) ?? a).localeCompare(REGIONS.of(b) ?? b));
  if (codes.length === 0) return sql`0`;
  return sql`case ${customers.billingCountry} ${sql.join(codes.map((code, i) => sql`when ${code} then ${i}`), sql` `)} end`;
}

function sortColumn(db: Db, actor: Actor, sort: CustomerSort): SQL | SQLiteColumn {
  if (sort === "country") return countryNameRank(db, actor);
  return { name: customers.name, segment: customers.segment, created: customers.createdAt }[sort];
}

/** Case-insensitive "contains", with LIKE wildcards escaped so a search for "100%" means the text "100%". */
export function nameContains(column: SQLiteColumn, q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}

function partnerScope(actor: Actor): SQL {
  return eq(customers.partnerId, actor.partnerId);
}

/** The partner's customers, searched by name, sorted and paged in SQL. */
export function listCustomers(db: Db, actor: Actor, params: ListCustomersParams = {}): Page<Customer> {
  assertCan(actor, "view");
  const where = and(partnerScope(actor), params.q ? nameContains(customers.name, params.q) : undefined);
  const column = sortColumn(db, actor, params.sort ?? "name");
  const order = params.dir === "desc" ? desc(column) : asc(column);
  const [{ total }] = db.select({ total: count() }).from(customers).where(where).all();
  const { page, pageCount, limit, offset } = pageWindow(total, params.page);
  const items = db.select().from(customers).where(where).orderBy(order, asc(customers.id)).limit(limit).offset(offset).all();
  return { items, total, page, pageCount };
}

/** One customer of the actor's partner; another partner's id is "not found", like a missing one. */
export function getCustomer(db: Db, actor: Actor, customerId: string): Customer {
  assertCan(actor, "view");
  const customer = db
    .select()
    .from(customers)
    .where(and(partnerScope(actor), eq(customers.id, customerId)))
    .get();
  if (!customer) throw new DomainError("not_found:customer");
  return customer;
}
