import Link from "next/link";
import { useLocale } from "next-intl";
import type { CatalogOffer } from "@/lib/subscriptions";
import { licensesApply } from "@/lib/subscriptions/shared";
import { formattersFor } from "@/lib/format";
import { unavailableReasonText } from "@/lib/unavailable-text";
import { AddToCartForm } from "./AddToCartForm";
import { useTranslations } from "@/lib/server/i18n";

function PriceText({ item }: { item: CatalogOffer }) {
  const t = useTranslations("Catalog.offer");
  const f = formattersFor(useLocale());
  const { offer } = item;
  if (offer.billingType === "usage") return <>{t("usagePrice")}</>;
  const parts = [];
  if (offer.monthlyPriceMinor !== null) parts.push(t("pricePerMonth", { price: f.money(offer.monthlyPriceMinor, offer.currency) }));
  if (offer.annualPriceMinor !== null) parts.push(t("pricePerYear", { price: f.money(offer.annualPriceMinor, offer.currency) }));
  return <>{parts.join(" · ")}</>;
}

export function OfferCard({ customerId, item, canAdd }: { customerId: string; item: CatalogOffer; canAdd: boolean }) {
  const t = useTranslations("Catalog.offer");
  const labels = useTranslations("Labels");
  const cart = useTranslations("Cart");
  const locale = useLocale();
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
            {offer.publisherName} · {labels(`billingType.${offer.billingType}`)} · {labels(`category.${offer.category}`)}
            {offer.freeTrialDays > 0 && ` · ${cart("freeTrial", { days: offer.freeTrialDays })}`}
          </p>
        </div>
        <p className="text-sm font-semibold">
          <PriceText item={item} />
        </p>
      </div>
      {offer.description && <p className="mt-2 text-sm text-neutral-700">{offer.description}</p>}
      {/* Said before the first purchase too, not only once a second one is refused. */}
      {offer.onePerCustomer && unavailable?.code !== "one_per_customer" && <p className="mt-2 text-xs font-semibold text-neutral-700">{t("onePerCustomer")}</p>}
      {unavailable ? (
        <div role="note" aria-label={t("whyUnavailable", { name: offer.name })} className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>{unavailableReasonText(locale, unavailable)}</p>
          {unavailable.code === "suspended" && (
            <Link href={`/customers/${customerId}/subscriptions/${unavailable.subscriptionId}`} className="mt-1 inline-block font-semibold text-brand-700 underline">
              {t("reactivate")}
            </Link>
          )}
          {unavailable.code === "not_transactable" && (
            <a href={unavailable.portalUrl} className="mt-1 inline-block font-semibold text-brand-700 underline" target="_blank" rel="noreferrer">
              {t("azurePortal")}
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
