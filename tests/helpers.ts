import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { expect, inject, onTestFinished } from "vitest";
import { openDatabase, type AppDatabase, type Db } from "@/db/client";
import { activityLog, customers, ledgerEntries, subscriptions, type BillingFrequency, type Customer, type Subscription, type SuspensionReason } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { isDomainError, type DomainError, type ErrorCode } from "@/lib/errors";
import {
  addToCart,
  buy,
  fixedClock,
  getOrder,
  getSubscriptionContext,
  submitSubscriptionChanges,
  type Actor,
  type Clock,
  type Notice,
  type SubscriptionChanges,
} from "@/lib/subscriptions";

/** The instant the base file was seeded at (handed over by tests/global-setup.ts). */
export const SEED_NOW = new Date(inject("seedNow"));

export interface TestDb {
  db: AppDatabase;
  file: string;
  /** Closes the connection and deletes the file; also run when the current test finishes. */
  close(): void;
}

let copies = 0;

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/**
 * A private copy of the migrated base file (seeded at SEED_NOW, or empty), opened like the app
 * opens its database. Called inside a test (or beforeEach), the copy is removed when the test ends.
 */
export function freshDb({ seeded = true }: { seeded?: boolean } = {}): TestDb {
  const source = inject(seeded ? "baseDbFile" : "emptyDbFile");
  const file = path.join(inject("testDbDir"), `${process.pid}-${++copies}-${randomUUID()}.db`);
  fs.copyFileSync(source, file);
  const db = openDatabase(file);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (db.$client.open) db.$client.close();
    removeDatabaseFiles(file);
  };
  try {
    onTestFinished(close);
  } catch {
    // Outside a test (e.g. beforeAll): the caller closes it; the run's teardown removes the folder anyway.
  }
  return { db, file, close };
}

/** The signed-in actor for a seeded user id. */
export function actorFor(db: Db, userId: string): Actor {
  const actor = loadActor(db, userId);
  if (!actor) throw new Error(`No seeded user ${userId}`);
  return actor;
}

/** A clock pinned `offsetMs` after the seed instant. */
export function clockAt(offsetMs = 0): ReturnType<typeof fixedClock> {
  return fixedClock(new Date(SEED_NOW.getTime() + offsetMs));
}

export interface PurchaseParams {
  customerId: string;
  offerId: string;
  quantity?: number;
  billingFrequency?: BillingFrequency;
}

/** Buys one subscription the way the seed does: Add to cart, then Buy, then read the order. */
export function buySubscription(db: Db, actor: Actor, clock: Clock, params: PurchaseParams): Subscription {
  const { customerId, offerId, quantity = 1, billingFrequency = "monthly" } = params;
  addToCart(db, actor, clock, { customerId, offerId, quantity, billingFrequency });
  const { order } = buy(db, actor, clock, { customerId, idempotencyKey: randomUUID() });
  const line = getOrder(db, actor, customerId, order.id).lines.find((l) => l.offer.id === offerId);
  if (!line) throw new Error(`Order ${order.id} has no ${offerId} line`);
  return line.subscription;
}

/** The subscription as stored now. */
export function reload(db: Db, actor: Actor, subscriptionId: string): Subscription {
  return getSubscriptionContext(db, actor, subscriptionId).subscription;
}

/** Submits changes on the details page with the version the page would have loaded. */
export function submitChanges(db: Db, actor: Actor, clock: Clock, subscriptionId: string, changes: Omit<SubscriptionChanges, "subscriptionId" | "version">): Notice[] {
  return submitSubscriptionChanges(db, actor, clock, { subscriptionId, version: reload(db, actor, subscriptionId).version, ...changes });
}

export function suspendSubscription(db: Db, actor: Actor, clock: Clock, subscriptionId: string, suspensionReason: SuspensionReason = "customer_request"): Subscription {
  submitChanges(db, actor, clock, subscriptionId, { status: "suspended", suspensionReason });
  return reload(db, actor, subscriptionId);
}

/** Buys licenses of an add-on on a base, as the seed does: through the details page's Submit. */
export function buyAddOn(db: Db, actor: Actor, clock: Clock, base: Pick<Subscription, "id">, offerId: string, quantity: number): Subscription {
  submitChanges(db, actor, clock, base.id, { addOns: { [offerId]: quantity } });
  const addOn = db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.baseSubscriptionId, base.id), eq(subscriptions.offerId, offerId), eq(subscriptions.status, "active")))
    .get();
  if (!addOn) throw new Error(`No active ${offerId} add-on on ${base.id}`);
  return addOn;
}

/** Customers have no domain command (the seed inserts them too); used to fill pages. */
export function addCustomer(db: Db, values: Partial<Customer> & Pick<Customer, "id" | "name" | "partnerId">): Customer {
  return db
    .insert(customers)
    .values({
      segment: "commercial",
      billingCountry: "US",
      contactName: "Test Contact",
      contactEmail: `${values.id}@customer.example`,
      createdAt: SEED_NOW,
      firstBillingAt: SEED_NOW,
      ...values,
    })
    .returning()
    .get();
}

/** Every row of every table (or of the tables named), to show that a refused command changed nothing. */
export function tableSnapshot(db: AppDatabase, only?: readonly string[]): Record<string, unknown[]> {
  const tables =
    only ??
    (db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
      .pluck()
      .all() as string[]);
  return Object.fromEntries(tables.map((t) => [t, db.$client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}

/** Runs `fn`, which must fail with a DomainError; returns the error. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("Expected a DomainError, but the call succeeded");
}

/** `fn` fails with `code` and leaves every table exactly as it was. */
export function expectRefused(db: AppDatabase, code: ErrorCode, fn: () => unknown): DomainError {
  const before = tableSnapshot(db);
  const error = domainError(fn);
  expect(error.code).toBe(code);
  expect(tableSnapshot(db)).toEqual(before);
  return error;
}

/** A subscription's ledger and activity, oldest first. */
export function ledgerOf(db: AppDatabase, subscriptionId: string) {
  return db.select().from(ledgerEntries).where(eq(ledgerEntries.subscriptionId, subscriptionId)).orderBy(asc(ledgerEntries.postedAt), asc(ledgerEntries.kind)).all();
}

export function activityOf(db: AppDatabase, subscriptionId: string) {
  return db.select().from(activityLog).where(eq(activityLog.subscriptionId, subscriptionId)).orderBy(asc(activityLog.id)).all();
}

/** A stored subscription, read without an actor (for system-side checks). */
export function stored(db: AppDatabase, subscriptionId: string): Subscription {
  const row = db.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId)).get();
  if (!row) throw new Error(`No subscription ${subscriptionId}`);
  return row;
}

/**
 * The rows of `tables` without their generated ids and versions, as sorted JSON: two databases that
 * went through the same events in a different order (or with other random ids) compare equal.
 */
export function comparableRows(db: AppDatabase, tables: readonly string[]): Record<string, string[]> {
  const strip = (row: object) => JSON.stringify({ ...row, id: undefined, subscription_id: undefined, order_id: undefined, base_subscription_id: undefined, version: undefined });
  return Object.fromEntries(Object.entries(tableSnapshot(db, tables)).map(([table, rows]) => [table, rows.map((r) => strip(r as object)).sort()]));
}
