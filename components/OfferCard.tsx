import Link from "next/link";
import type { CatalogOffer } from "@/lib/subscriptions";
import { unavailableReasonText } from "@/lib/subscriptions/shared";
import { licensesApply } from "@/lib/subscriptions/shared";
import { BILLING_TYPE_LABELS, CATEGORY_LABELS, formatMoney } from "@/lib/format";
import { AddToCartForm } from "./AddToCartForm";

function PriceText({ item }: { item: CatalogOffer }) {
  const { offer } = item;
  if (offer.billingType === "usage") return <>Pay as you go, billed after use</>;
  const parts = [];
  if (offer.monthlyPriceMinor !== null) parts.push(`${formatMoney(offer.monthlyPriceMinor, offer.currency)} license/month`);
  if (offer.annualPriceMinor !== null) parts.push(`${formatMoney(offer.annualPriceMinor, offer.currency)} license/year`);
  return <>{parts.join(" · ")}</>;
}

export function OfferCard({ customerId, item, canAdd }: { customerId: string; item: CatalogOffer; canAdd: boolean }) {
  const { offer, unavailable } = item;
  const headingId = `offer-${offer.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="font-semibold">
            {offer.name}
          </h2>
          <p className="text-xs text-neutral-600">
            {offer.publisherName} · {BILLING_TYPE_LABELS[offer.billingType]} · {CATEGORY_LABELS[offer.category]}
            {offer.freeTrialDays > 0 && ` · ${offer.freeTrialDays}-day free trial`}
          </p>
        </div>
        <p className="text-sm font-semibold">
          <PriceText item={item} />
        </p>
      </div>
      {offer.description && <p className="mt-2 text-sm text-neutral-700">{offer.description}</p>}
      {/* Said before the first purchase too, not only once a second one is refused. */}
      {offer.onePerCustomer && unavailable?.code !== "one_per_customer" && (
        <p className="mt-2 text-xs font-semibold text-neutral-700">Limited to one subscription per customer.</p>
      )}
      {unavailable ? (
        <div role="note" aria-label={`Why ${offer.name} can't be bought`} className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>{unavailableReasonText(unavailable)}</p>
          {unavailable.code === "suspended" && (
            <Link href={`/customers/${customerId}/subscriptions/${unavailable.subscriptionId}`} className="mt-1 inline-block font-semibold text-brand-700 underline">
              Reactivate
            </Link>
          )}
          {unavailable.code === "not_transactable" && (
            <a href={unavailable.portalUrl} className="mt-1 inline-block font-semibold text-brand-700 underline" target="_blank" rel="noreferrer">
              Go to the Azure management portal
            </a>
          )}
        </div>
      ) : (
        canAdd && (
          <AddToCartForm
            customerId={customerId}
            offer={{ id: offer.id, name: offer.name, minQuantity: offer.minQuantity, maxQuantity: offer.maxQuantity, licenses: licensesApply(offer) }}
            frequencies={item.frequencies}
          />
        )
      )}
    </article>
  );
}
