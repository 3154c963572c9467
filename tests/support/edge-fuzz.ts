import fc from "fast-check";
import type { AppDatabase } from "@/db/client";
import { SUSPENSION_REASONS } from "@/db/schema";
import { createSession } from "@/lib/auth/session";
import { addToCart, buy, fixedClock } from "@/lib/subscriptions";
import { CANCELLATION_REASONS } from "@/lib/validation";
import { actorFor, SEED_NOW, tableSnapshot } from "../helpers";

/**
 * What tests/fuzz-edges.test.ts sends to every route handler and server action: ids, field values,
 * bodies, query strings and FormData that a script or a hand-made request could carry, plus the
 * seeded world they are aimed at and a cheap "did the database change" check.
 */

/** Who calls: each role that matters, another partner's admin, an indirect reseller, and nobody. */
export const CALLERS = [
  "contoso-global-admin",
  "contoso-sales-agent",
  "contoso-helpdesk-agent",
  "contoso-billing-admin",
  "adventure-works-global-admin",
  "margies-travel-global-admin",
] as const;
export type Caller = (typeof CALLERS)[number] | "anonymous" | "bogus-token";

export interface World {
  db: AppDatabase;
  /** Session token per signed-in caller. */
  tokens: Record<string, string>;
  customers: string[];
  subscriptions: string[];
  cartLines: string[];
  orders: string[];
  offers: string[];
  /** Every real id above, for use in the wrong place (an order id as a subscription id…). */
  all: string[];
}

/**
 * Sessions for every caller, and for Contoso (the signed-in partner) and Adventure Works (another
 * partner): a customer with subscriptions, a cart line and an order each. Subscriptions are read
 * from the seed (active, suspended, add-ons, other partners').
 */
export function buildWorld(db: AppDatabase): World {
  const tokens = Object.fromEntries(CALLERS.map((id) => [id, createSession(db, id, SEED_NOW).token]));
  const clock = fixedClock(SEED_NOW);
  const cartLines: string[] = [];
  const orders: string[] = [];
  for (const [userId, customerId, offerId] of [
    ["contoso-global-admin", "tailwind-traders", "office-365-e3"],
    ["adventure-works-global-admin", "lakeshore-retail", "office-365-e1"],
  ] as const) {
    const actor = actorFor(db, userId);
    addToCart(db, actor, clock, { customerId, offerId, quantity: 2, billingFrequency: "monthly" });
    orders.push(buy(db, actor, clock, { customerId, idempotencyKey: crypto.randomUUID() }).order.id);
    cartLines.push(addToCart(db, actor, clock, { customerId, offerId, quantity: 1, billingFrequency: "annual" }).id);
  }
  const subscriptions = db.$client.prepare("SELECT id FROM subscriptions ORDER BY rowid").pluck().all() as string[];
  const customers = ["fabrikam", "wingtip-toys", "tailwind-traders", "lakeshore-retail", "libertys-bakery", "boulder-creek-hotels", "us-department-of-parks"];
  const offers = ["office-365-e3", "office-365-e1", "tailspin-secure-gateway", "contoso-backup-pro", "azure-plan", "microsoft-365-e5-security", "extra-file-storage", "office-365-e3-trial", "fourth-coffee-pos", "office-365-g3-gcc-high"];
  return { db, tokens, customers, subscriptions, cartLines, orders, offers, all: [...customers, ...subscriptions, ...cartLines, ...orders, ...offers, ...CALLERS] };
}

/** A session cookie value for the caller (a bogus token is a well-formed one no session has). */
export function tokenFor(world: World, caller: Caller): string | undefined {
  if (caller === "anonymous") return undefined;
  if (caller === "bogus-token") return "x".repeat(43);
  return world.tokens[caller];
}

export const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 4, arbitrary: fc.constant("contoso-global-admin" as const) },
  { weight: 6, arbitrary: fc.constantFrom(...CALLERS) },
  { weight: 1, arbitrary: fc.constantFrom("anonymous" as const, "bogus-token" as const) },
);

/** Lone UTF-16 surrogates: JSON.parse("\"\\ud800\"") hands one to the server. */
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 });

/** Text nobody should trust: odd characters, traversal, escapes, and strings past every length limit. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "%FF", "%FF%FE", "../", "..%2F..%2Fetc", "\u0000", "😀", "ｆａｂｒｉｋａｍ", "fabrikam ", " FABRIKAM", "null", "undefined", "__proto__", "constructor", "'; DROP TABLE subscriptions; --", "%", "a/b", "?x=1", "#frag"),
  fc.string(),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.string({ minLength: 101, maxLength: 600 }),
  fc.constant("é".repeat(5000)),
);

/** Lone surrogates replaced (String#toWellFormed, which the project's TS lib does not know yet). */
export const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");

/** A string that can travel in a URL path (no lone surrogates: decoding valid UTF-8 never yields one). */
export const pathString = nastyString.map(wellFormed);

/** Anything JSON can carry, lone surrogates included. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  loneSurrogates,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
  fc.constantFrom({ __proto__: { admin: true } }, JSON.parse('{"__proto__":{"polluted":1}}'), [[[[[]]]]], { toString: "x" }),
);

/** Numbers as scripts send them: strings with hex, exponents, spaces, signs; fractions; huge; non-finite. */
export const numberish: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("0x10", "1e3", " 7 ", "-1", "1.5", "1.0", "+1", "0b1", "0o7", "00", "007", "٣", "1_000", "Infinity", "NaN", "", "9007199254740993", "1000001", "99999999999999999999"),
  fc.constantFrom(0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, -0, 1e308, 2 ** 53, 0.1),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => n.toString()),
);

/**
 * One field of a body or form: values a real caller would send (`valid`, which may still be refused
 * by a rule: a quantity over the offer's maximum, another partner's id) and values no one should
 * (`bad`). Optional fields are sometimes left out.
 */
export interface Field {
  valid: fc.Arbitrary<unknown>;
  bad: fc.Arbitrary<unknown>;
}
export function field(valid: fc.Arbitrary<unknown>, { optional = false, bad }: { optional?: boolean; bad?: fc.Arbitrary<unknown> } = {}): Field {
  const junk = fc.oneof(numberish, nastyValue);
  return { valid: optional ? fc.option(valid, { nil: undefined, freq: 2 }) : valid, bad: bad ? fc.oneof(bad, junk) : junk };
}

/** The same as text, for FormData (whose values are strings). */
export const asText = (value: unknown): string => (typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)));

/** Stands for "the version the target subscription has now", filled in just before the call. */
export const CURRENT_VERSION = Symbol("current version");
export const version = (options: { optional?: boolean } = {}) => field(fc.constant(CURRENT_VERSION), { ...options, bad: fc.constantFrom(0, 1, "1", 9999) });

/** Idempotency keys: new ones, and a few reused across customers (the reuse rule). */
export const REUSED_KEYS = ["6f1a1d3e-8a8e-4e7a-9b35-0b7f1c1f2a01", "0d9c4b7a-3e2f-4c1d-8e5f-6a7b8c9d0e1f"];
export const idempotencyKey = field(fc.oneof(fc.uuid(), fc.constantFrom(...REUSED_KEYS)), { bad: fc.constantFrom("seed-fabrikam-office-365-e3", "not-a-uuid", "00000000-0000-0000-0000-000000000000", REUSED_KEYS[0].toUpperCase()) });

const dateText = fc.date({ min: new Date("2026-03-01T00:00:00Z"), max: new Date("2032-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Exactly one of days or date is what the clock takes; each is optional here so both, neither and one occur. */
export const clockFields: Record<string, Field> = {
  days: field(fc.constantFrom(1, 7, 30, "1", "7", "30"), { optional: true, bad: fc.constantFrom(2, 365, "07") }),
  date: field(dateText, { optional: true, bad: fc.constantFrom("2026-02-30", "2026-13-01", "2026-3-9", "2027-01-01T00:00:00Z", "20270101", "+002027-01-01") }),
};
export const suspensionReason = field(fc.constantFrom(...SUSPENSION_REASONS), { optional: true, bad: fc.constantFrom("", "Fraud") });
export const cancelReason = field(fc.constantFrom(...CANCELLATION_REASONS), { bad: fc.constant("customer request") });
export const comment = field(fc.string({ maxLength: 50 }), { optional: true, bad: fc.string({ minLength: 480, maxLength: 520 }) });
export const billingFrequency = field(fc.constantFrom("monthly", "annual"), { bad: fc.constantFrom("Monthly", "triennial") });
export const quantity = (options: { optional?: boolean } = {}) => field(fc.integer({ min: 1, max: 30 }), { ...options, bad: fc.constantFrom(1_000_000, 1_000_001, 0) });

/**
 * An object of `fields`: all plausible (the domain gets to decide), one field bad, or any mix, and
 * sometimes keys no one asked for.
 */
export function payload(fields: Record<string, Field>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(fields);
  const each = (pick: (f: Field) => fc.Arbitrary<unknown>) => fc.record(Object.fromEntries(names.map((n) => [n, pick(fields[n])])));
  const plausible = each((f) => f.valid);
  const oneBad = names.length === 0 ? plausible : fc.constantFrom(...names).chain((name) => fc.tuple(plausible, fields[name].bad).map(([values, bad]) => ({ ...values, [name]: bad })));
  const mixed = fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof(fields[n].valid, fields[n].bad)])), { requiredKeys: [] });
  const extra = fc.option(fc.dictionary(fc.constantFrom("extra", "Days", "role", "partnerId", "__proto__", "constructor"), nastyValue, { maxKeys: 2 }), { freq: 6 });
  return fc
    .tuple(fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 3, arbitrary: oneBad }, { weight: 2, arbitrary: mixed }), extra)
    .map(([values, more]) => Object.fromEntries(Object.entries({ ...(more ?? {}), ...values }).filter(([, v]) => v !== undefined)));
}

/** How a body travels: JSON (mostly), text that is not JSON, or the wrong content type. */
export interface WireBody {
  contentType: string | null;
  text: string | Record<string, unknown>;
}
const notJson = fc.constantFrom("", "{nope", "{'days':1}", "[]", "null", "1", '"text"', "true", "{}{}", "\uFEFF{}", "[".repeat(5000) + "]".repeat(5000), '{"days":1,"days":7}', "days=1&date=2027-01-01",
  // Numbers JSON.stringify never writes: past double range, negative zero, past the safe integers.
  '{"days":1e400,"quantity":1e400,"version":1e400}', '{"quantity":-0,"days":-0}', '{"version":9007199254740993,"quantity":1}', '{"idempotencyKey":"\\ud800","offerId":"\\udfff"}');
export function wireBody(object: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<WireBody> {
  const json = fc.constantFrom("application/json", "application/json; charset=utf-8", "APPLICATION/JSON", 'application/json;charset="UTF-8"');
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ contentType: json, text: object }) },
    { weight: 2, arbitrary: fc.record({ contentType: json, text: notJson }) },
    {
      weight: 2,
      arbitrary: fc.record({
        contentType: fc.constantFrom(null, "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/jsonp", ""),
        text: fc.oneof(object, notJson),
      }),
    },
  );
}

/** Browser-ish headers: none (a script), our own origin, or another one. */
export const originHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Record<string, string>>({}) },
  { weight: 3, arbitrary: fc.constant<Record<string, string>>({ origin: "http://127.0.0.1:3100", "sec-fetch-site": "same-origin" }) },
  { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({ origin: "https://evil.example" }, { "sec-fetch-site": "same-site" }, { origin: "null" }, { origin: "http://127.0.0.1:3999", "sec-fetch-site": "cross-site" }) },
);

/** Query strings as key/value pairs (repeated keys allowed), plus raw fragments a URL may carry. */
export function query(keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const names = Object.keys(keys);
  const pair = names.length > 0 ? fc.constantFrom(...names).chain((k) => keys[k].map((v) => [k, v] as const)) : fc.constant(["x", "1"] as const);
  return fc
    .tuple(fc.array(pair, { maxLength: 4 }), fc.option(fc.constantFrom("q=%FF", "page=%", "page", "&&", "=1", "page=1&page=2", "q=%E2%80%AE"), { freq: 4 }))
    .map(([pairs, raw]) => [new URLSearchParams(pairs.map(([k, v]) => [k, wellFormed(v)])).toString(), raw].filter(Boolean).join("&"));
}
export const page = fc.oneof(fc.constantFrom("1", "2", "1.01", "0x2", "1e1", "0", "-1", " 2", "100001", "99999999999999999999", ""), nastyString);
export const search = fc.oneof(fc.constantFrom("fab", "Fabrikam", "%", "_", "\\", "'"), fc.string({ minLength: 95, maxLength: 110 }), nastyString);

/** What a hand-made request can make Next pass to an action instead of FormData. */
export const notFormData: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, "days=1", 7, true),
  fc.array(nastyValue, { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  fc.constant(new URLSearchParams("days=1")),
  fc.constant(new Map([["days", "1"]])),
  fc.constant([null, { days: "1" }]),
);

/** FormData from fields (values as text, sometimes twice, sometimes a file), with Next's own keys mixed in. */
export interface FormSpec {
  values: Record<string, unknown>;
  twice: string[];
  file: boolean;
  nextKeys: boolean;
}
export function formSpec(fields: Record<string, Field>): fc.Arbitrary<FormSpec> {
  return fc.record({ values: payload(fields), twice: fc.subarray(Object.keys(fields), { maxLength: Math.min(1, Object.keys(fields).length) }), file: fc.boolean(), nextKeys: fc.boolean() });
}
export function toFormData({ values, twice, file, nextKeys }: FormSpec): FormData {
  const form = new FormData();
  if (nextKeys) form.append("$ACTION_ID_0123abcd", "");
  for (const [key, value] of Object.entries(values)) {
    form.append(key, asText(value));
    if (twice.includes(key)) form.append(key, asText(value));
  }
  if (file) form.append(Object.keys(values)[0] ?? "file", new Blob(["7"]), "seven.txt");
  return form;
}

/** Replaces CURRENT_VERSION in an object's fields with the subscription's version now (0 when there is none). */
export function withCurrentVersion(db: AppDatabase, values: Record<string, unknown>, subscriptionId: unknown): Record<string, unknown> {
  if (!Object.values(values).includes(CURRENT_VERSION)) return values;
  const current = typeof subscriptionId === "string" ? (db.$client.prepare("SELECT version FROM subscriptions WHERE id = ?").pluck().get(subscriptionId) as number | undefined) : undefined;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === CURRENT_VERSION ? (current ?? 0) : v]));
}

/**
 * Has the database changed since `mark()`? `total_changes()` counts every row this connection wrote,
 * so an unchanged count proves nothing was written. A changed count can still be a write that was
 * rolled back, so the rows themselves decide then (snapshotted lazily, only after a count moved).
 */
export function databaseWatch(db: AppDatabase) {
  const changes = () => db.$client.prepare("SELECT total_changes()").pluck().get() as number;
  let cached: { changes: number; rows: string } | null = null;
  const rows = () => JSON.stringify(tableSnapshot(db));
  return {
    mark(): { changes: number; rows: () => string } {
      const now = changes();
      if (cached?.changes !== now) cached = { changes: now, rows: rows() };
      const snapshot = cached;
      return { changes: now, rows: () => snapshot.rows };
    },
    changedSince(mark: { changes: number; rows: () => string }): boolean {
      return changes() !== mark.changes && rows() !== mark.rows();
    },
  };
}
