import "server-only";
import { csvStream, decimalAmount, type CsvValue } from "@/lib/csv";
import { chargeDescriptionsIn } from "@/lib/charge-text";
import { translatorFor } from "@/lib/translator";
import type { ActivityRow, LedgerLine, RenewalRow, SubscriptionListItem } from "@/lib/subscriptions";
import { quantityAtRenewal, termCharge } from "@/lib/subscriptions/shared";

/** Machine-read files stay English: the labels as the en-US messages say them. */
const labels = translatorFor("en-US", "Labels");

/**
 * CSV downloads: a header, then records pulled batch by batch from a domain walk. The first batch is
 * read before the response starts, so a refusal (role, unknown customer) is still an HTTP error and
 * not a 200 with a broken file.
 */
export function csvResponse<T>(filename: string, header: readonly string[], batches: Iterator<T[]>, toRecord: (row: T) => CsvValue[]): Response {
  const records: Iterator<CsvValue[][]> = {
    next: () => {
      const next = batches.next();
      return next.done ? { done: true, value: undefined } : { done: false, value: next.value.map(toRecord) };
    },
    return: (value?: unknown) => (batches.return?.(value as never), { done: true, value: undefined }),
  };
  const first = records.next();
  return new Response(csvStream(header, records, first), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
/** Money as three fields: minor units, the same as a decimal, the currency. Empty when not shown. */
const money = (minor: number | null, currency: string): CsvValue[] => (minor === null ? [null, null, null] : [minor, decimalAmount(minor, currency), currency]);
const MONEY_HEADER = (what: string) => [`${what} (minor units)`, what, "Currency"];

export function renewalsCsv(amountsShown: boolean) {
  return {
    header: ["Date", "Event", "Customer", "Customer ID", "Offer", "Publisher", "Subscription ID", "Status", "Quantity", "Next quantity", "Auto-renew", ...(amountsShown ? MONEY_HEADER("Next term") : [])],
    toRecord: (r: RenewalRow): CsvValue[] => [
      iso(r.at),
      r.kind,
      r.customerName,
      r.customerId,
      r.offerName,
      r.publisherKind === "microsoft" ? "Microsoft" : "ISV",
      r.subscriptionId,
      labels(`status.${r.status}`),
      r.quantity,
      r.nextQuantity,
      r.autoRenew,
      ...(amountsShown ? money(r.nextTermMinor, r.currency) : []),
    ],
  };
}

export function subscriptionsCsv(amountsShown: boolean) {
  return {
    header: [
      "Subscription ID", "Offer", "Publisher", "Base subscription ID", "Status", "Quantity", "Quantity at renewal", "Billing frequency",
      "Term start", "Term end", "Auto-renew", "Trial ends", "Cancellation scheduled", "Deletion date", ...(amountsShown ? MONEY_HEADER("Term charge") : []),
    ],
    toRecord: ({ subscription: s, offer }: SubscriptionListItem): CsvValue[] => {
      const price = s.billingFrequency === "annual" ? offer.annualPriceMinor : offer.monthlyPriceMinor;
      return [
        s.id, s.friendlyName ?? offer.name, offer.publisherName, s.baseSubscriptionId, labels(`status.${s.status}`), s.quantity, quantityAtRenewal(s), labels(`frequency.${s.billingFrequency}`),
        iso(s.termStart), iso(s.termEnd), s.autoRenew, s.trialConvertedAt ? null : iso(s.trialEndsAt), iso(s.cancellationScheduledAt), s.status === "suspended" ? iso(s.deletionAt) : null,
        ...(amountsShown ? money(price === null ? null : termCharge(offer, s.billingFrequency, quantityAtRenewal(s)), offer.currency) : []),
      ];
    },
  };
}

/** English, as the headers: a machine-read file reads the same whoever downloads it. */
const englishChargeDescription = chargeDescriptionsIn("en-US");

/** The next invoice's lines: each charge or credit with its period, in minor units and as a decimal. */
export const invoiceCsv = {
  header: ["Posted", "Subscription ID", "Kind", "Description", "Quantity", "Charge start", "Charge end", ...MONEY_HEADER("Amount")],
  toRecord: (l: LedgerLine): CsvValue[] => [iso(l.postedAt), l.subscriptionId, l.kind, englishChargeDescription(l), l.quantity, iso(l.chargeStart), iso(l.chargeEnd), ...money(l.amountMinor, l.currency)],
};

/** The activity log: its before and after values as JSON (amounts already left out for roles without view_billing). */
export const activityCsv = {
  header: ["Date", "User", "Role", "Action", "Customer", "Customer ID", "Subscription", "Subscription ID", "Before", "After"],
  toRecord: (e: ActivityRow): CsvValue[] => [
    iso(e.at), e.actorName, e.actorRole, e.action, e.customerName, e.customerId, e.offerName, e.subscriptionId,
    e.before ? JSON.stringify(e.before) : null, e.after ? JSON.stringify(e.after) : null,
  ],
};

/** A file name with the partner's date: renewals-2026-03-02.csv; anything but [A-Za-z0-9._-] becomes "_" (it goes into a header). */
export function exportFilename(what: string, now: Date): string {
  return `${what.replace(/[^A-Za-z0-9._-]/g, "_")}-${now.toISOString().slice(0, 10)}.csv`;
}
