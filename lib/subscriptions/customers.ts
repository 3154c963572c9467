import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { customerNamesVersion, customers, partnerCustomerCounts, type Customer } from "@/db/schema";
import type { Db } from "@/db/client";
import { inTransaction, preparedQuery } from "@/db/prepared";
import { keysetPage, type KeysetSource } from "./keyset";
import { DomainError } from "@/lib/errors";
import { assertCan, type Actor } from "./permissions";

export const CUSTOMER_SORTS = ["name", "country", "segment", "created"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const PAGE_SIZE = 20;
/** The most rows one page may ask for (the REST API's `size`): a bound on what one request reads. */
export const MAX_PAGE_SIZE = 500;

export interface ListCustomersParams {
  q?: string;
  sort?: CustomerSort;
  dir?: "asc" | "desc";
  /** A page by number: an index walk past the rows before it (the app's own links use `cursor`). */
  page?: number;
  /** From a previous page's `nextCursor` / `prevCursor`; unknown or for another sort, it shows page 1. */
  cursor?: string;
  /** Rows per page (the REST API's `size`); the pages show PAGE_SIZE. */
  size?: number;
}

/** Which rows a requested page shows, the page clamped to those that exist. */
export function pageWindow(total: number, requested = 1, size = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  // Only a whole page number reaches OFFSET: 1.01 would be a fractional offset, a 500 from SQLite.
  const page = Number.isSafeInteger(requested) ? Math.min(Math.max(1, requested), pageCount) : 1;
  return { page, pageCount, limit: size, offset: (page - 1) * size };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

/** A page of a list read by keyset: the cursors of the pages around it (null at either end). */
export interface CursorPage<T> extends Page<T> {
  nextCursor: string | null;
  prevCursor: string | null;
}

const REGIONS = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * The partner's few distinct country codes, in the order of the names the list shows. Read as a
 * loose index scan (one seek per code), not by walking every customer.
 */
function countriesByName(db: Db, actor: Actor): string[] {
  const rows = db.all<{ code: string }>(sql`
    with recursive c(code) as (
      select min(${customers.billingCountry}) from ${customers} where ${customers.partnerId} = ${actor.partnerId}
      union all
      select (select min(${customers.billingCountry}) from ${customers} where ${customers.partnerId} = ${actor.partnerId} and ${customers.billingCountry} > c.code)
      from c where c.code is not null
    )
    select code from c where code is not null`);
  const codes = rows.map((r) => r.code);
  return codes.sort((a, b) => (REGIONS.of(a) ?? a).localeCompare(REGIONS.of(b) ?? b));
}

/** The LIKE pattern of "contains q", its wildcards escaped so a search for "100%" means the text "100%". */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` LIKE `pattern` (a value or a placeholder), backslash escaping the wildcards. */
function like(column: SQLiteColumn, pattern: unknown): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

/** Case-insensitive "contains" (LIKE is, for ASCII letters). */
export function nameContains(column: SQLiteColumn, q: string): SQL {
  return like(column, containsPattern(q));
}

function partnerScope(actor: Actor): SQL {
  return eq(customers.partnerId, actor.partnerId);
}

/** The column each sort walks (with id after it), in the index customers_partner_<sort>_idx. */
const SORT_COLUMNS = { name: customers.name, segment: customers.segment, created: customers.createdAt } as const;

/**
 * The customers list as keyset segments. Name, segment and created are one walk of their index by
 * (column, id). Countries sort by the names shown, not by ISO code, which no index orders: the list
 * walks one country at a time (by id, in customers_partner_country_idx), countries in name order.
 */
function customerSource(db: Db, actor: Actor, params: ListCustomersParams): KeysetSource<Customer> {
  const sort = params.sort ?? "name";
  const search = params.q ? nameContains(customers.name, params.q) : undefined;
  const byCountry = sort === "country";
  const column = byCountry ? undefined : SORT_COLUMNS[sort];
  const keyColumns: (SQLiteColumn | SQL)[] = column ? [column, customers.id] : [customers.id];
  const countries = byCountry ? countriesByName(db, actor) : [];
  const segments = byCountry ? (params.dir === "desc" ? countries.reverse() : countries) : [null];
  const inSegment = (segment: string | null) => and(partnerScope(actor), search, segment === null ? undefined : eq(customers.billingCountry, segment));
  return {
    segments,
    rows(segment, { from, back, limit, offset }) {
      const descending = (params.dir === "desc") !== back;
      const after = from && sql`(${sql.join(keyColumns, sql`, `)}) ${descending ? sql`<` : sql`>`} (${sql.join(from.map((v) => sql`${v}`), sql`, `)})`;
      return db
        .select()
        .from(customers)
        .where(and(inSegment(segment), after))
        .orderBy(...keyColumns.map((c) => (descending ? desc(c) : asc(c))))
        .limit(limit)
        .offset(offset ?? 0)
        .all();
    },
    key: (c) => (column ? [sort === "created" ? c.createdAt.getTime() : sort === "segment" ? c.segment : c.name, c.id] : [c.id]),
    segmentOf: (c) => (byCountry ? c.billingCountry : null),
    counts: () =>
      new Map(
        db
          .select({ code: customers.billingCountry, n: count() })
          .from(customers)
          .where(inSegment(null))
          .groupBy(customers.billingCountry)
          .all()
          .map((r) => [r.code, r.n]),
      ),
  };
}

const customerCountRow = preparedQuery((db) =>
  db.select({ n: partnerCustomerCounts.customers }).from(partnerCustomerCounts).where(eq(partnerCustomerCounts.partnerId, sql.placeholder("partnerId"))).prepare(),
);

/** The partner's number of customers, kept up to date by triggers (no count over the table per request). */
function customerCount(db: Db, partnerId: string): number {
  return customerCountRow(db).get({ partnerId })?.n ?? 0;
}

const namesVersionRow = preparedQuery((db) => db.select({ version: customerNamesVersion.version }).from(customerNamesVersion).prepare());
const searchCountRow = preparedQuery((db) =>
  db
    .select({ n: count() })
    .from(customers)
    .where(and(eq(customers.partnerId, sql.placeholder("partnerId")), like(customers.name, sql.placeholder("pattern"))))
    .prepare(),
);
/** Each connection's kept search counts, by partner and search, with the names version they were counted at. */
const searchCounts = preparedQuery(() => new Map<string, { version: number; n: number }>());
const KEPT_SEARCH_COUNTS = 1000;

/**
 * How many of the partner's customers a search matches. Counting walks every name of the partner
 * (2.6 ms at 50,000 customers, a quarter of the search page's time), so a count is kept until any
 * customer is added, removed or renamed (customer_names_version, bumped by triggers), the most
 * recently used thousand of them.
 */
function searchCount(db: Db, partnerId: string, q: string): number {
  const counted = () => searchCountRow(db).get({ partnerId, pattern: containsPattern(q) })!.n;
  // Inside a transaction the names may yet roll back to a version the count was not made at.
  if (inTransaction(db)) return counted();
  const version = namesVersionRow(db).get()?.version ?? 0;
  const kept = searchCounts(db);
  const key = `${partnerId}\u0000${q}`;
  const hit = kept.get(key);
  kept.delete(key);
  const n = hit && hit.version === version ? hit.n : counted();
  kept.set(key, { version, n });
  if (kept.size > KEPT_SEARCH_COUNTS) kept.delete(kept.keys().next().value!);
  return n;
}

/**
 * The partner's customers, searched by name, sorted and paged by keyset. The total comes from the
 * partner's kept count, or a search's kept count of its matches.
 */
export function listCustomers(db: Db, actor: Actor, params: ListCustomersParams = {}): CursorPage<Customer> {
  assertCan(actor, "view");
  const total = params.q ? searchCount(db, actor.partnerId, params.q) : customerCount(db, actor.partnerId);
  const size = Number.isSafeInteger(params.size) ? Math.min(Math.max(1, params.size!), MAX_PAGE_SIZE) : PAGE_SIZE;
  const { page: requested, pageCount } = pageWindow(total, params.page, size);
  const list = JSON.stringify(["customers", actor.partnerId, params.sort ?? "name", params.dir ?? "asc", params.q ?? ""]);
  const result = keysetPage(customerSource(db, actor, params), list, { cursor: params.cursor, page: requested, size, pageCount });
  return { ...result, total, pageCount };
}

const customerOfPartner = preparedQuery((db) =>
  db
    .select()
    .from(customers)
    .where(and(eq(customers.partnerId, sql.placeholder("partnerId")), eq(customers.id, sql.placeholder("customerId"))))
    .prepare(),
);

/** One customer of the actor's partner; another partner's id is "not found", like a missing one. */
export function getCustomer(db: Db, actor: Actor, customerId: string): Customer {
  assertCan(actor, "view");
  const customer = customerOfPartner(db).get({ partnerId: actor.partnerId, customerId });
  if (!customer) throw new DomainError("not_found:customer");
  return customer;
}
