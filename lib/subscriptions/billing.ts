import { UTCDate } from "@date-fns/utc";
import { startOfMonth } from "date-fns";
import { and, asc, desc, eq, gte, sum } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { ledgerEntries, type LedgerEntry, type LedgerKind, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedInsert } from "@/db/prepared";
import type { Clock } from "./clock";
import { getCustomer } from "./customers";
import { assertCan, type Actor } from "./permissions";

export interface Charge {
  kind: LedgerKind;
  description: string;
  quantity: number;
  /** Positive for a charge, negative for a credit. */
  amountMinor: number;
  currency: string;
  chargeStart: Date;
  chargeEnd: Date;
}

const insertLedgerEntry = preparedInsert(ledgerEntries, ["id", "partnerId", "customerId", "subscriptionId", "kind", "description", "quantity", "amountMinor", "currency", "chargeStart", "chargeEnd", "postedAt"]);

/** Posts one charge or credit to the customer's ledger. Zero amounts are not posted. */
export function postCharge(db: Db, subscription: Pick<Subscription, "id" | "partnerId" | "customerId">, charge: Charge, at: Date): void {
  if (charge.amountMinor === 0) return;
  insertLedgerEntry.run(db, { id: randomUUID(), partnerId: subscription.partnerId, customerId: subscription.customerId, subscriptionId: subscription.id, postedAt: at, ...charge });
}

/** What the customer has been charged for a subscription, net of credits so far. */
export function netCharged(db: Db, subscriptionId: string): number {
  const [row] = db.select({ total: sum(ledgerEntries.amountMinor) }).from(ledgerEntries).where(eq(ledgerEntries.subscriptionId, subscriptionId)).all();
  return Number(row?.total ?? 0);
}

export function subscriptionLedger(db: Db, subscription: Pick<Subscription, "id" | "partnerId">): LedgerEntry[] {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.partnerId, subscription.partnerId), eq(ledgerEntries.subscriptionId, subscription.id)))
    .orderBy(asc(ledgerEntries.postedAt))
    .all();
}

/** Invoices close on the first of each month (UTC): the next invoice holds what was posted since. */
export function invoicePeriodStart(now: Date): Date {
  return new Date(startOfMonth(new UTCDate(now)).getTime());
}

export interface Invoice {
  periodStart: Date;
  lines: LedgerEntry[];
  totalMinor: number;
  currency: string;
}

/** "Full credit on the next invoice": the customer's next invoice as it stands now. */
export function nextInvoice(db: Db, actor: Actor, clock: Clock, customerId: string): Invoice {
  assertCan(actor, "view_billing");
  const customer = getCustomer(db, actor, customerId);
  const periodStart = invoicePeriodStart(clock.now());
  const lines = db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.partnerId, actor.partnerId), eq(ledgerEntries.customerId, customer.id), gte(ledgerEntries.postedAt, periodStart)))
    .orderBy(desc(ledgerEntries.postedAt))
    .all();
  return { periodStart, lines, totalMinor: lines.reduce((total, l) => total + l.amountMinor, 0), currency: lines[0]?.currency ?? "USD" };
}
