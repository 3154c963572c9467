import { UTCDate } from "@date-fns/utc";
import { startOfMonth } from "date-fns";
import { and, asc, desc, eq, getTableColumns, gte, sum } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { ledgerEntries, offers, subscriptions, type LedgerEntry, type LedgerKind, type Subscription } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedInsert } from "@/db/prepared";
import type { Clock } from "./clock";
import { getCustomer } from "./customers";
import { assertCan, type Actor } from "./permissions";

/**
 * What a charge is for, stored as a code in the ledger's description (issue 13: the domain says no
 * English sentence). Its words are Customer.chargeDescription.<code>, with the offer's name and the
 * entry's quantity as parameters (lib/charge-text.ts). A database written before held English
 * sentences there: they are not codes and are shown as they are.
 */
export const CHARGE_DESCRIPTIONS = [
  "first_term",
  "prorated_first_charge",
  "renewal",
  "conversion",
  "licenses_added",
  "licenses_removed_credit",
  "cancellation_credit",
  "renewal_on_reactivation",
  "conversion_on_reactivation",
  "prorated_on_reactivation",
] as const;
export type ChargeDescription = (typeof CHARGE_DESCRIPTIONS)[number];

export interface Charge {
  kind: LedgerKind;
  description: ChargeDescription;
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

/** A ledger entry with its subscription's offer name, the parameter its description is worded with. */
export interface LedgerLine extends LedgerEntry {
  offerName: string;
}

/** Ledger rows with their offer's name: each names its subscription, whose offer is one primary-key lookup away. */
function selectLedgerLines(db: Db) {
  return db
    .select({ ...getTableColumns(ledgerEntries), offerName: offers.name })
    .from(ledgerEntries)
    .innerJoin(subscriptions, eq(subscriptions.id, ledgerEntries.subscriptionId))
    .innerJoin(offers, eq(offers.id, subscriptions.offerId));
}

export function subscriptionLedger(db: Db, subscription: Pick<Subscription, "id" | "partnerId">): LedgerLine[] {
  return selectLedgerLines(db)
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
  lines: LedgerLine[];
  totalMinor: number;
  currency: string;
}

/** "Full credit on the next invoice": the customer's next invoice as it stands now. */
export function nextInvoice(db: Db, actor: Actor, clock: Clock, customerId: string): Invoice {
  assertCan(actor, "view_billing");
  const customer = getCustomer(db, actor, customerId);
  const periodStart = invoicePeriodStart(clock.now());
  const lines = selectLedgerLines(db)
    .where(and(eq(ledgerEntries.partnerId, actor.partnerId), eq(ledgerEntries.customerId, customer.id), gte(ledgerEntries.postedAt, periodStart)))
    .orderBy(desc(ledgerEntries.postedAt))
    .all();
  return { periodStart, lines, totalMinor: lines.reduce((total, l) => total + l.amountMinor, 0), currency: lines[0]?.currency ?? "USD" };
}
