// The bench's data set: the demo seed, then one partner (Contoso) grown to tens of thousands of
// customers with set-based inserts (recursive CTEs and INSERT ... SELECT), seconds rather than minutes.
import type { AppDatabase } from "@/db/client";
import { seedDemoData } from "@/db/seed";

export const BENCH_PARTNER = "contoso-partners";

export interface BenchSize {
  customers: number;
  offers: number;
}

/** Issue 9's data set: 250,000 subscriptions, 500,000 ledger and 500,000 activity rows follow from these. */
export const FULL_SIZE: BenchSize = { customers: 50_000, offers: 5_000 };
export const QUICK_SIZE: BenchSize = { customers: 5_000, offers: 500 };

/** Every customer has this many subscriptions; every subscription two ledger and two activity rows. */
export const SUBSCRIPTIONS_PER_CUSTOMER = 5;

/** A catalog offer no generated subscription uses, sold to every segment: what the Buy runs put in the cart. */
export const BUY_OFFER_ID = "bench-offer-buy";

export const customerId = (c: number) => `bench-c-${String(c).padStart(6, "0")}`;
export const subscriptionId = (n: number) => `bench-s-${String(n).padStart(7, "0")}`;

export interface BenchData {
  size: BenchSize;
  counts: Record<"customers" | "offers" | "subscriptions" | "ledger" | "activity", number>;
  /** A commercial customer with its five subscriptions (one suspended-free, all renderable). */
  customerId: string;
  subscriptionId: string;
  /** How many catalog pages a commercial customer of the partner sees. */
  catalogPages: number;
  /** How many pages the customers list has. */
  customerPages: number;
  /** Commercial customers set aside for Buy runs: no generated subscription to BUY_OFFER_ID. */
  buyCustomerIds: string[];
}

const DAY = 24 * 60 * 60 * 1000;
const iso = (column: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${column}) / 1000.0, 'unixepoch')`;
const pick = (words: string[], index: string) => `json_extract('${JSON.stringify(words).replace(/'/g, "''")}', '$[' || ((${index}) % ${words.length}) || ']')`;
const seq = (name: string, count: number) => `${name}(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM ${name} WHERE n + 1 < ${count})`;

const COMPANY = ["Alpine", "Blue Yonder", "Coho", "Datum", "Fourth", "Graphic", "Humongous", "Litware", "Lucerne", "Margie's", "Northwind", "Proseware", "Relecloud", "Southridge", "Tailspin", "Trey", "VanArsdel", "Wide World", "Woodgrove", "Wingtip"];
const TRADE = ["Ski House", "Airlines", "Winery", "Insurance", "Coffee", "Design", "Labs", "Software", "Publishing", "Travel", "Traders", "Systems", "Cloud", "Video", "Toys", "Research", "Foods", "Importers", "Bank", "Energy"];
const COUNTRIES = ["US", "GB", "SE", "DE", "FR", "NL", "CA", "AU", "JP", "IN", "BR", "ES"];
const VENDOR = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Proseware", "Adatum", "Wingtip", "Lucerne", "Humongous"];
const PRODUCT = ["Backup", "Mail Guard", "Analytics", "CRM", "Secure Gateway", "Field Service", "Project Hub", "Data Vault", "Video Suite", "Identity"];
const TIER = ["Standard", "Premium", "Plan 1", "Plan 2", "Basic"];

/**
 * Migrated database in, demo seed plus the bulk rows out. `now` is the instant the data is generated
 * for: no lifecycle event (term end, trial, deletion, scheduled cancellation) falls due within two
 * days of it, so a bench measures requests, not a lifecycle backlog.
 */
export async function generateBenchData(db: AppDatabase, size: BenchSize, now: Date): Promise<BenchData> {
  await seedDemoData(db, now);
  const sqlite = db.$client;
  const C = size.customers;
  const addOns = Math.floor(size.offers / 50);
  const B = size.offers - addOns; // base (catalog) offers; the rest are add-ons of the first ones
  const S = C * SUBSCRIPTIONS_PER_CUSTOMER;
  const NOW = now.getTime();
  const spread = Math.floor((5 * 365 * DAY) / C); // customers opened over five years
  const run = (sql: string) => sqlite.prepare(sql).run({ now: NOW, day: DAY });

  sqlite.transaction(() => {
    run(`INSERT INTO customers (id, partner_id, name, segment, billing_country, contact_name, contact_email, created_at, first_billing_at)
      WITH RECURSIVE ${seq("c", C)}
      SELECT 'bench-c-' || printf('%06d', n), '${BENCH_PARTNER}',
        ${pick(COMPANY, "n")} || ' ' || ${pick(TRADE, "n / 20")} || ' ' || printf('%05d', n),
        CASE WHEN n % 10 = 8 THEN 'education' WHEN n % 20 = 9 THEN 'nonprofit' WHEN n % 20 = 19 THEN 'government' ELSE 'commercial' END,
        ${pick(COUNTRIES, "n / 7")}, 'Contact ' || n, 'it' || n || '@customer' || (n % 97) || '.example',
        @now - (n + 1) * ${spread},
        CASE WHEN n % 10 = 0 THEN NULL ELSE min(@now - (n + 1) * ${spread} + (n % 30) * @day, @now) END
      FROM c`);

    run(`INSERT INTO offers (id, name, description, publisher_name, publisher_kind, billing_type, category, cloud, currency,
        monthly_price_minor, annual_price_minor, min_quantity, max_quantity, one_per_customer, supported_countries,
        available_through_csp, exclusive_to_partner_ids, transactable, setup_url, management_portal_url, free_trial_days, prerequisite_offer_id)
      WITH RECURSIVE ${seq("o", size.offers)}, p AS (SELECT n, n >= ${B} AS addon, 200 + (n * 37) % 5000 AS monthly FROM o)
      SELECT 'bench-offer-' || printf('%05d', n),
        ${pick(VENDOR, "n")} || ' ' || ${pick(PRODUCT, "n / 10")} || ' ' || ${pick(TIER, "n / 100")} || ' ' || printf('%04d', n) || CASE WHEN addon THEN ' add-on' ELSE '' END,
        'Generated offer ' || n,
        CASE WHEN n % 3 = 0 THEN 'Microsoft' ELSE ${pick(VENDOR, "n")} || ' ISV' END,
        CASE WHEN n % 3 = 0 THEN 'microsoft' ELSE 'partner' END,
        CASE WHEN n % 7 = 0 THEN 'usage' ELSE 'license' END,
        ${pick(["enterprise", "small_business", "trial"], "n")}, 'commercial', 'USD',
        monthly, CASE WHEN n % 7 = 0 THEN NULL ELSE CAST(monthly * 12 * 0.83 AS INTEGER) END,
        1, 300, n % 50 = 1, CASE WHEN n % 20 = 2 THEN '["US","GB","SE"]' END,
        n % 100 <> 3, CASE WHEN n % 100 = 4 THEN '["fourth-coffee-partners"]' END,
        n % 100 <> 5, NULL, CASE WHEN n % 100 = 5 THEN 'https://portal.azure.com/' END,
        CASE WHEN n % 25 = 0 THEN 30 ELSE 0 END,
        CASE WHEN addon THEN 'bench-offer-' || printf('%05d', n - ${B}) END
      FROM p`);
    run(`INSERT INTO offer_segments (offer_id, segment)
      SELECT id, 'commercial' FROM offers WHERE id LIKE 'bench-offer-%'
      UNION ALL SELECT id, 'education' FROM offers WHERE id LIKE 'bench-offer-%' AND rowid % 3 = 0
      UNION ALL SELECT id, 'nonprofit' FROM offers WHERE id LIKE 'bench-offer-%' AND rowid % 4 = 0
      UNION ALL SELECT id, 'government' FROM offers WHERE id LIKE 'bench-offer-%' AND rowid % 5 = 0`);
    run(`INSERT INTO offers (id, name, description, publisher_name, publisher_kind, billing_type, category, cloud, monthly_price_minor, annual_price_minor, max_quantity)
      VALUES ('${BUY_OFFER_ID}', 'Bench Buy Seat', 'The offer the bench buys', 'Microsoft', 'microsoft', 'license', 'small_business', 'commercial', 600, 6000, 100000)`);
    run(`INSERT INTO offer_segments (offer_id, segment) SELECT '${BUY_OFFER_ID}', value FROM json_each('["commercial","education","government","nonprofit"]')`);

    run(`INSERT INTO orders (id, partner_id, customer_id, user_id, idempotency_key, placed_at, total_minor, currency)
      SELECT 'bench-o-' || substr(id, 9), partner_id, id, 'contoso-sales-agent', 'bench-' || id, created_at + @day, 10000, 'USD'
      FROM customers WHERE id LIKE 'bench-c-%'`);

    // Subscription n belongs to customer n % C (slot n / C); its offer differs per slot. 85% are
    // active, 5% each suspended, cancelled and expired; some converted trials, scheduled
    // cancellations and scheduled decreases, so every status branch of the pages renders.
    run(`INSERT INTO subscriptions (id, partner_id, customer_id, order_id, offer_id, base_subscription_id, quantity, billing_frequency,
        status, auto_renew, ordered_at, trial_ends_at, trial_converted_at, term_start, term_end, suspended_at, suspension_reason,
        deletion_at, suspended_with_base, cancellation_scheduled_at, cancellation_reason, cancellation_comment, ended_at,
        scheduled_quantity, data_removed, version)
      WITH RECURSIVE ${seq("s", S)},
      x AS (SELECT n, n % ${C} AS c, ((n % ${C}) * 37 + (n / ${C}) * 1013) % ${B} AS oi, n % 20 AS kind FROM s),
      y AS (SELECT x.*, CASE WHEN oi % 7 = 0 OR n % 3 <> 0 THEN 'monthly' ELSE 'annual' END AS freq FROM x),
      z AS (SELECT y.*, CASE freq WHEN 'annual' THEN 365 ELSE 30 END * @day AS period,
        CASE WHEN kind IN (1, 2) THEN @now - (1 + n % 200) * @day
             WHEN freq = 'annual' THEN @now + (2 + (n * 7) % 360) * @day
             ELSE @now + (2 + n % 28) * @day END AS term_end FROM y)
      SELECT 'bench-s-' || printf('%07d', n), '${BENCH_PARTNER}', 'bench-c-' || printf('%06d', c), 'bench-o-' || printf('%06d', c),
        'bench-offer-' || printf('%05d', oi), NULL, 1 + n % 50, freq,
        CASE kind WHEN 0 THEN 'suspended' WHEN 1 THEN 'cancelled' WHEN 2 THEN 'expired' ELSE 'active' END,
        kind <> 2 AND n % 13 <> 0,
        term_end - period - (n % 4) * period,
        CASE WHEN kind = 3 THEN term_end - period END, CASE WHEN kind = 3 THEN term_end - period END,
        term_end - period, term_end,
        CASE WHEN kind = 0 THEN @now - (1 + n % 20) * @day END,
        CASE WHEN kind = 0 THEN ${pick(["customer_request", "nonpayment", "fraud"], "n / 20")} END,
        CASE WHEN kind = 0 THEN @now + (40 + n % 20) * @day END,
        0,
        CASE WHEN kind = 4 THEN term_end END,
        CASE WHEN kind IN (1, 4) THEN 'Customer request' END, NULL,
        CASE kind WHEN 1 THEN term_end - period + 3 * @day WHEN 2 THEN term_end END,
        CASE WHEN kind = 5 AND 1 + n % 50 > 1 THEN n % 50 END,
        0, 1 + n % 3
      FROM z`);

    // Two ledger rows per subscription: the first term's purchase, then its renewal, trial
    // conversion or cancellation credit, each described by the code the domain stores.
    run(`INSERT INTO ledger_entries (id, partner_id, customer_id, subscription_id, kind, description, quantity, amount_minor, currency, charge_start, charge_end, posted_at)
      WITH e(e) AS (VALUES (0), (1)),
      r AS (SELECT s.*, CASE s.billing_frequency WHEN 'annual' THEN o.annual_price_minor ELSE o.monthly_price_minor END * s.quantity AS amount,
        s.term_end - s.term_start AS period, e.e FROM subscriptions s JOIN offers o ON o.id = s.offer_id CROSS JOIN e WHERE s.id LIKE 'bench-s-%')
      SELECT 'bench-l-' || substr(id, 9) || '-' || e, partner_id, customer_id, id,
        CASE WHEN e = 0 THEN 'purchase' WHEN status = 'cancelled' THEN 'cancellation_credit' WHEN trial_converted_at IS NOT NULL THEN 'conversion' ELSE 'renewal' END,
        CASE WHEN e = 0 THEN 'first_term' WHEN status = 'cancelled' THEN 'cancellation_credit' WHEN trial_converted_at IS NOT NULL THEN 'conversion' ELSE 'renewal' END,
        quantity, CASE WHEN e = 1 AND status = 'cancelled' THEN -amount ELSE amount END, 'USD',
        CASE WHEN e = 0 THEN ordered_at ELSE term_start END, CASE WHEN e = 0 THEN ordered_at + period ELSE term_end END,
        CASE WHEN e = 0 THEN ordered_at WHEN status = 'cancelled' THEN ended_at ELSE term_start END
      FROM r`);

    // Two activity rows per subscription: who bought it, then what happened since.
    run(`INSERT INTO activity_log (partner_id, customer_id, subscription_id, actor_user_id, actor_name, actor_role, action, before, after, at)
      WITH e(e) AS (VALUES (0), (1)),
      r AS (SELECT s.*, o.name AS offer_name, e.e, CASE WHEN e.e = 0 THEN 'purchase' WHEN s.status = 'suspended' THEN 'suspend' WHEN s.status = 'cancelled' THEN 'cancel'
          WHEN s.status = 'expired' THEN 'expiry' WHEN s.trial_converted_at IS NOT NULL THEN 'conversion' WHEN s.cancellation_scheduled_at IS NOT NULL THEN 'cancel_scheduled' ELSE 'renewal' END AS action
        FROM subscriptions s JOIN offers o ON o.id = s.offer_id CROSS JOIN e WHERE s.id LIKE 'bench-s-%'),
      u AS (SELECT r.*, CASE action WHEN 'purchase' THEN ${pick(["contoso-global-admin", "contoso-admin-agent", "contoso-sales-agent"], "CAST(substr(r.id, 9) AS INTEGER)")}
          WHEN 'suspend' THEN 'contoso-helpdesk-agent' WHEN 'cancel' THEN 'contoso-billing-admin' WHEN 'cancel_scheduled' THEN 'contoso-billing-admin' END AS user_id FROM r)
      SELECT u.partner_id, u.customer_id, u.id, u.user_id, coalesce(users.name, 'system'),
        CASE WHEN users.id IS NOT NULL THEN json_extract(users.roles, '$[0]') END, action,
        CASE action WHEN 'purchase' THEN NULL WHEN 'renewal' THEN json_object('termEnd', ${iso("u.term_start")}) WHEN 'conversion' THEN json_object('trial', json('true'))
          WHEN 'cancel_scheduled' THEN json_object('cancellationScheduledAt', NULL) ELSE json_object('status', 'active') END,
        CASE action WHEN 'purchase' THEN json_object('offer', offer_name, 'quantity', u.quantity, 'billingFrequency', u.billing_frequency, 'status', 'active')
          WHEN 'renewal' THEN json_object('termStart', ${iso("u.term_start")}, 'termEnd', ${iso("u.term_end")})
          WHEN 'conversion' THEN json_object('trial', json('false'), 'termStart', ${iso("u.term_start")}, 'termEnd', ${iso("u.term_end")})
          WHEN 'cancel_scheduled' THEN json_object('cancellationScheduledAt', ${iso("u.cancellation_scheduled_at")})
          WHEN 'suspend' THEN json_object('status', 'suspended', 'suspensionReason', u.suspension_reason)
          ELSE json_object('status', u.status) END,
        CASE WHEN e = 0 THEN u.ordered_at WHEN action = 'suspend' THEN u.suspended_at WHEN action IN ('cancel', 'expiry') THEN u.ended_at
          WHEN action = 'cancel_scheduled' THEN u.term_start + @day ELSE u.term_start END
      FROM u LEFT JOIN users ON users.id = u.user_id
      ORDER BY 10`);
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");

  const count = (table: string) => (sqlite.prepare(`SELECT count(*) FROM ${table} WHERE partner_id = ?`).pluck().get(BENCH_PARTNER) as number);
  const catalogOffers = sqlite
    .prepare(`SELECT count(*) FROM offers o WHERE cloud = 'commercial' AND prerequisite_offer_id IS NULL AND EXISTS (SELECT 1 FROM offer_segments s WHERE s.offer_id = o.id AND s.segment = 'commercial')`)
    .pluck()
    .get() as number;
  // Customer 11 is commercial, with subscriptions in slot order: slot 0 (n = 11) is active.
  const buyCustomerIds = Array.from({ length: Math.min(500, Math.floor(C / 10)) }, (_, i) => C - 1 - i * 10 - 3).filter((c) => c >= 0).map(customerId);
  return {
    size,
    counts: { customers: count("customers"), offers: size.offers, subscriptions: count("subscriptions"), ledger: count("ledger_entries"), activity: count("activity_log") },
    customerId: customerId(11),
    subscriptionId: subscriptionId(11),
    catalogPages: Math.ceil(catalogOffers / 20),
    customerPages: Math.ceil(count("customers") / 20),
    buyCustomerIds,
  };
}
