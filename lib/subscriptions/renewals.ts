import { sql, type SQL } from "drizzle-orm";
import type { BillingFrequency, PublisherKind, SubscriptionStatus } from "@/db/schema";
import type { Db } from "@/db/client";
import { DAY_MS, type Clock } from "./clock";
import { keysetPage, type KeyPart, type KeysetSource, type RowsQuery } from "./keyset";
import { assertCan, can, type Actor } from "./permissions";
import { termCharge } from "./pricing";
import { RENEWAL_KINDS, type RenewalEventFilter, type RenewalKind, type RenewalSort, type RenewalWindow } from "./renewal-options";

/**
 * The partner's **Renewals**: every active or suspended subscription whose next lifecycle event falls
 * within the next 30, 60 or 90 days of the partner's clock. One row per subscription, its next event
 * exactly as the lifecycle will apply it (lib/subscriptions/lifecycle.ts): a scheduled cancellation,
 * a trial's end (converting, or ending with Auto-renew off), the term end (renewing, with a scheduled
 * quantity change, or expiring), or a suspended subscription's data deletion. Events already due but
 * not yet processed count too: they are still ahead for the customer.
 */
export { RENEWAL_EVENT_FILTERS, RENEWAL_KINDS, RENEWAL_SORTS, RENEWAL_WINDOWS, type RenewalEventFilter, type RenewalKind, type RenewalSort, type RenewalWindow } from "./renewal-options";
export const RENEWALS_PAGE_SIZE = 25;
export const MAX_RENEWALS_PAGE_SIZE = 1000;

export interface RenewalFilters {
  days?: RenewalWindow;
  customerId?: string;
  publisher?: PublisherKind;
  autoRenew?: boolean;
  event?: RenewalEventFilter;
  sort?: RenewalSort;
}

export interface RenewalsParams extends RenewalFilters {
  cursor?: string;
  size?: number;
}

export interface RenewalRow {
  subscriptionId: string;
  customerId: string;
  customerName: string;
  offerId: string;
  offerName: string;
  publisherKind: PublisherKind;
  baseSubscriptionId: string | null;
  status: SubscriptionStatus;
  kind: RenewalKind;
  /** When the event takes effect. */
  at: Date;
  quantity: number;
  /** The licenses the next term is charged for (a scheduled change applies at renewal). */
  nextQuantity: number;
  autoRenew: boolean;
  billingFrequency: BillingFrequency;
  currency: string;
  /** The next term's charge in minor units: null when nothing renews, or the role may not see money. */
  nextTermMinor: number | null;
  version: number;
  /** The sort key (see keyset.ts): the event's instant, then the sort's columns, then the rowid. */
  key: KeyPart[];
}

export interface RenewalsPage {
  items: RenewalRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** False for roles without view_billing: every nextTermMinor is null. */
  amountsShown: boolean;
  until: Date;
}

// The next event, written once in SQL over `s`, in the lifecycle's terms: R is the renewal date (the
// trial's end while in one, else the term end) for subscriptions it processes there (active, or
// suspended with Auto-renew off); D the deletion date of a suspended one; C a scheduled cancellation.
// At one instant the lifecycle applies cancellation, then conversion / term end, then deletion.
// KIND (over `s` and its base `b`) and WALKS are exported for Home's counts (home.ts), so both agree.
const inTrial = sql.raw(`(s.trial_ends_at is not null and s.trial_converted_at is null)`);
const R = sql.raw(`(case when s.status = 'active' or s.auto_renew = 0 then (case when s.trial_ends_at is not null and s.trial_converted_at is null then s.trial_ends_at else s.term_end end) end)`);
const D = sql.raw(`(case when s.status = 'suspended' then s.deletion_at end)`);
const C = sql.raw(`s.cancellation_scheduled_at`);
// An add-on renews only with its base: a base that won't renew (Auto-renew off, or a cancellation
// scheduled) ends its add-ons with it, whatever their own box says (renewalOutlook's ends_with_base).
const BASE_ENDS = sql.raw(`(b.id is not null and (b.auto_renew = 0 or b.cancellation_scheduled_at is not null))`);
export const KIND = sql`(case
  when ${C} is not null and (${R} is null or ${C} <= ${R}) and (${D} is null or ${C} <= ${D}) then 'cancellation'
  when ${D} is not null and (${R} is null or ${D} < ${R}) then 'deletion'
  when ${R} is not null and ${inTrial} then (case when s.auto_renew = 1 then 'trial_converts' else 'trial_ends' end)
  when ${R} is not null then (case when s.auto_renew = 0 or ${BASE_ENDS} then 'expires' when s.scheduled_quantity is not null then 'quantity_change' else 'renews' end)
end)`;
const AT = sql`(case ${KIND} when 'cancellation' then ${C} when 'deletion' then ${D} else ${R} end)`;

const KINDS_OF: Record<RenewalEventFilter, RenewalKind[]> = {
  renews: ["renews", "quantity_change"],
  quantity_change: ["quantity_change"],
  expires: ["expires"],
  trial: ["trial_converts", "trial_ends"],
  cancellation: ["cancellation"],
  deletion: ["deletion"],
};

/**
 * One index walk per kind of event for the date-ordered list: each starts with the partial index's
 * own terms so SQLite uses it, its date column bounded by the window, and keeps only rows whose next
 * event is of its kinds (so every subscription comes from exactly one walk).
 */
export interface Walk {
  kinds: RenewalKind[];
  /** The indexed date column this walk orders by; it equals AT for the rows it keeps. */
  at: SQL;
  where: SQL;
}
export const WALKS: Walk[] = [
  { kinds: ["renews", "quantity_change", "expires"], at: sql.raw("s.term_end"), where: sql.raw("s.status = 'active'") },
  { kinds: ["expires"], at: sql.raw("s.term_end"), where: sql.raw("s.status = 'suspended'") },
  { kinds: ["trial_converts", "trial_ends"], at: sql.raw("s.trial_ends_at"), where: sql.raw("s.status = 'active' and s.trial_converted_at is null and s.trial_ends_at is not null") },
  { kinds: ["trial_ends"], at: sql.raw("s.trial_ends_at"), where: sql.raw("s.status = 'suspended' and s.trial_converted_at is null and s.trial_ends_at is not null") },
  { kinds: ["cancellation"], at: sql.raw("s.cancellation_scheduled_at"), where: sql.raw("s.cancellation_scheduled_at is not null and s.status in ('active', 'suspended')") },
  { kinds: ["deletion"], at: sql.raw("s.deletion_at"), where: sql.raw("s.status = 'suspended' and s.deletion_at is not null") },
];

interface RawRow {
  id: string;
  rid: number;
  customer_id: string;
  customer_name: string;
  offer_id: string;
  offer_name: string;
  publisher_kind: PublisherKind;
  base_subscription_id: string | null;
  status: SubscriptionStatus;
  kind: RenewalKind;
  at: number;
  quantity: number;
  scheduled_quantity: number | null;
  auto_renew: number;
  billing_frequency: BillingFrequency;
  currency: string;
  monthly_price_minor: number | null;
  annual_price_minor: number | null;
  version: number;
}

/**
 * The sort's key columns over one walk (its date column standing for the event's instant): `order`
 * for ORDER BY, `compare` for the keyset bound. An add-on's base id sits between the date and the
 * rowid in every date index, so ordering by it too lets each walk read its index in order; a base
 * (null base id, which the index puts first) compares as '', below every id.
 */
function keyColumns(sort: RenewalSort, at: SQL): { order: SQL[]; compare: SQL[] } {
  if (sort === "customer") return { order: [sql.raw("c.name"), sql.raw("c.id"), at, sql.raw("s.rowid")], compare: [sql.raw("c.name"), sql.raw("c.id"), at, sql.raw("s.rowid")] };
  return { order: [at, sql.raw("s.base_subscription_id"), sql.raw("s.rowid")], compare: [at, sql.raw("coalesce(s.base_subscription_id, '')"), sql.raw("s.rowid")] };
}

function keyOf(sort: RenewalSort, r: RawRow): KeyPart[] {
  if (sort === "customer") return [r.customer_name, r.customer_id, r.at, r.rid];
  return [r.at, r.base_subscription_id ?? "", r.rid];
}

/** `(k1, k2, …) > (v1, v2, …)` with the first column also as a plain bound, so SQLite seeks to it. */
function after(columns: SQL[], from: KeyPart[], back: boolean): SQL {
  const op = back ? sql`<` : sql`>`;
  const list = (parts: (SQL | KeyPart)[]) => sql.join(parts.map((p) => (typeof p === "object" ? p : sql`${p}`)), sql`, `);
  return sql`${columns[0]} ${back ? sql`<=` : sql`>=`} ${from[0]} and (${list(columns)}) ${op} (${list(from)})`;
}

/** The row's columns, its event's instant as `at` (the walk's own date column, where one walk reads). */
const columns = (at: SQL) => sql`s.id, s.rowid as rid, s.customer_id, c.name as customer_name, s.offer_id, o.name as offer_name, o.publisher_kind,
      s.base_subscription_id, s.status, ${KIND} as kind, ${at} as at, s.quantity, s.scheduled_quantity, s.auto_renew,
      s.billing_frequency, o.currency, o.monthly_price_minor, o.annual_price_minor, s.version, s.base_subscription_id as base_key`;

function select(db: Db, parts: { from: SQL; where: SQL[]; order: SQL[]; back: boolean; limit: number }): RawRow[] {
  const dir = parts.back ? sql` desc` : sql` asc`;
  return db.all<RawRow>(sql`
    select ${columns(AT)}
    ${parts.from}
    where ${sql.join(parts.where, sql` and `)}
    order by ${sql.join(parts.order.map((c) => sql`${c}${dir}`), sql`, `)}
    limit ${parts.limit}`);
}

/**
 * The list as one keyset source. Sorted by date it merges one index walk per kind of event (each
 * reads only as far as the page needs); by customer it walks the partner's customers by name and
 * each one's subscriptions (subscriptions_customer_idx), so a page stops after its rows. By offer,
 * no index orders the partner's subscriptions by offer: each walk reads the window from its date
 * index and sorts it. A picked customer reads only that customer's subscriptions, whatever the sort.
 */
function renewalSource(db: Db, actor: Actor, filters: RenewalFilters, until: Date): KeysetSource<RawRow> {
  const sort = filters.sort ?? "date";
  const kinds = filters.event ? KINDS_OF[filters.event] : [...RENEWAL_KINDS];
  const ofKinds = (list: RenewalKind[]) => sql`${KIND} in (${sql.join(list.map((k) => sql`${k}`), sql`, `)})`;
  const common = [
    filters.publisher ? sql`o.publisher_kind = ${filters.publisher}` : undefined,
    filters.autoRenew === undefined ? undefined : sql`s.auto_renew = ${filters.autoRenew ? 1 : 0}`,
  ].filter((p): p is SQL => p !== undefined);
  const partner = actor.partnerId;
  const base = sql`left join subscriptions b on b.id = s.base_subscription_id`;
  const joins = sql`join customers c on c.id = s.customer_id join offers o on o.id = s.offer_id ${base}`;
  const wholeList = (query: RowsQuery): RawRow[] => {
    const { order, compare } = keyColumns(sort, AT);
    const scope = filters.customerId
      ? [sql`s.partner_id = ${partner}`, sql`s.customer_id = ${filters.customerId}`, sql`s.status in ('active', 'suspended')`]
      : [sql`c.partner_id = ${partner}`, sql`s.partner_id = ${partner}`, sql`s.status in ('active', 'suspended')`];
    // CROSS JOIN fixes the order: customers by name first, each one's subscriptions found by index.
    const from = filters.customerId ? sql`from subscriptions s ${joins}` : sql`from customers c cross join subscriptions s on s.customer_id = c.id cross join offers o on o.id = s.offer_id ${base}`;
    return select(db, {
      from,
      where: [...scope, ofKinds(kinds), ...common, sql`${AT} <= ${until.getTime()}`, ...(query.from ? [after(compare, query.from, query.back)] : [])],
      order,
      back: query.back,
      limit: query.limit,
    });
  };
  const walkWhere = (walk: Walk, query: RowsQuery): SQL[] | null => {
    const walkKinds = walk.kinds.filter((k) => kinds.includes(k));
    if (walkKinds.length === 0) return null;
    const { compare } = keyColumns(sort, walk.at);
    return [sql`s.partner_id = ${partner}`, walk.where, sql`${walk.at} <= ${until.getTime()}`, ofKinds(walkKinds), ...common, ...(query.from ? [after(compare, query.from, query.back)] : [])];
  };
  // By date: one compound SELECT whose arms are the walks, each ordered by its own index. SQLite
  // merges them as they go and stops at the LIMIT, so a page reads about as many rows as it shows.
  const byDate = (query: RowsQuery): RawRow[] => {
    const dir = query.back ? sql` desc` : sql` asc`;
    const arms = WALKS.flatMap((walk) => {
      const where = walkWhere(walk, query);
      return where ? [sql`select ${columns(walk.at)} from subscriptions s ${joins} where ${sql.join(where, sql` and `)}`] : [];
    });
    return db.all<RawRow>(sql`${sql.join(arms, sql` union all `)} order by at${dir}, base_key${dir}, rid${dir} limit ${query.limit}`);
  };
  return {
    segments: [null],
    rows: (_segment, query) => (filters.customerId || sort === "customer" ? wholeList(query) : byDate(query)),
    key: (r) => keyOf(sort, r),
    segmentOf: () => null,
  };
}

function toRow(r: RawRow, sort: RenewalSort, showAmounts: boolean): RenewalRow {
  const nextQuantity = r.kind === "trial_converts" ? r.quantity : (r.scheduled_quantity ?? r.quantity);
  const price = r.billing_frequency === "annual" ? r.annual_price_minor : r.monthly_price_minor;
  const charges = r.kind === "renews" || r.kind === "quantity_change" || r.kind === "trial_converts";
  return {
    subscriptionId: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    offerId: r.offer_id,
    offerName: r.offer_name,
    publisherKind: r.publisher_kind,
    baseSubscriptionId: r.base_subscription_id,
    status: r.status,
    kind: r.kind,
    at: new Date(r.at),
    quantity: r.quantity,
    nextQuantity,
    autoRenew: r.auto_renew === 1,
    billingFrequency: r.billing_frequency,
    currency: r.currency,
    nextTermMinor:
      showAmounts && charges && price !== null
        ? termCharge({ monthlyPriceMinor: r.monthly_price_minor, annualPriceMinor: r.annual_price_minor }, r.billing_frequency, nextQuantity)
        : null,
    version: r.version,
    key: keyOf(sort, r),
  };
}

/** The end of the window: `days` whole days after the partner's now (an event exactly then is in). */
export function renewalWindowEnd(now: Date, days: RenewalWindow): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** One page of the partner's Renewals, paged by keyset (see renewalSource). */
export function renewalsPage(db: Db, actor: Actor, clock: Clock, params: RenewalsParams = {}): RenewalsPage {
  assertCan(actor, "view");
  const until = renewalWindowEnd(clock.now(), params.days ?? 30);
  const sort = params.sort ?? "date";
  const size = Number.isSafeInteger(params.size) ? Math.min(Math.max(1, params.size!), MAX_RENEWALS_PAGE_SIZE) : RENEWALS_PAGE_SIZE;
  // The cursor belongs to the partner, filters and window end: a cursor from another list starts over.
  const list = JSON.stringify(["renewals", actor.partnerId, params.days ?? 30, params.customerId, params.publisher, params.autoRenew, params.event, sort]);
  const page = keysetPage(renewalSource(db, actor, params, until), list, { cursor: params.cursor, size });
  const amountsShown = can(actor, "view_billing");
  return { items: page.items.map((r) => toRow(r, sort, amountsShown)), nextCursor: page.nextCursor, prevCursor: page.prevCursor, amountsShown, until };
}

/**
 * Every row of the list in order, `batch` at a time, each batch read just after the last row of the
 * one before (never from the top again, even when rows change meanwhile): an export walks 250,000
 * rows holding one batch at a time. The window is fixed when the walk starts.
 */
export function* renewalBatches(db: Db, actor: Actor, clock: Clock, filters: RenewalFilters, batch = 1000): Generator<RenewalRow[]> {
  assertCan(actor, "view");
  const sort = filters.sort ?? "date";
  const source = renewalSource(db, actor, filters, renewalWindowEnd(clock.now(), filters.days ?? 30));
  const amountsShown = can(actor, "view_billing");
  let from: KeyPart[] | undefined;
  for (;;) {
    const rows = source.rows(null, { from, back: false, limit: batch });
    if (rows.length > 0) yield rows.map((r) => toRow(r, sort, amountsShown));
    if (rows.length < batch) return;
    from = source.key(rows[rows.length - 1]);
  }
}
