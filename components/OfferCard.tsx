import { useLocale } from "next-intl";
import type { CatalogOffer } from "@/lib/subscriptions";
import { licensesApply, type UnavailableReason } from "@/lib/subscriptions/shared";
import { formattersFor } from "@/lib/format";
import { useTranslations } from "@/lib/server/i18n";
import { unavailableReasonText } from "@/lib/unavailable-text";
import { OfferCardView, type UnavailableNote } from "./OfferCardView";

type OfferWords = ReturnType<typeof useTranslations<"Catalog.offer">>;

function priceText(t: OfferWords, money: (minor: number, currency: string) => string, { offer }: CatalogOffer): string {
  if (offer.billingType === "usage") return t("usagePrice");
  const parts = [];
  if (offer.monthlyPriceMinor !== null) parts.push(t("pricePerMonth", { price: money(offer.monthlyPriceMinor, offer.currency) }));
  if (offer.annualPriceMinor !== null) parts.push(t("pricePerYear", { price: money(offer.annualPriceMinor, offer.currency) }));
  return parts.join(" · ");
}

/** Where a partner goes instead: the suspended subscription to reactivate, or the Azure portal. */
function insteadLink(t: OfferWords, customerId: string, reason: UnavailableReason): UnavailableNote["link"] {
  if (reason.code === "suspended") return { href: `/customers/${customerId}/subscriptions/${reason.subscriptionId}`, text: t("reactivate"), external: false };
  if (reason.code === "not_transactable") return { href: reason.portalUrl, text: t("azurePortal"), external: true };
  return null;
}

/** An offer's card, worded here in the reader's language and drawn by OfferCardView. */
export function OfferCard({ customerId, item, canAdd }: { customerId: string; item: CatalogOffer; canAdd: boolean }) {
  const t = useTranslations("Catalog.offer");
  const labels = useTranslations("Labels");
  const cart = useTranslations("Cart");
  const locale = useLocale();
  const { offer, unavailable } = item;
  const facts = [offer.publisherName, labels(`billingType.${offer.billingType}`), labels(`category.${offer.category}`)];
  if (offer.freeTrialDays > 0) facts.push(cart("freeTrial", { days: offer.freeTrialDays }));
  return (
    <OfferCardView
      offer={{ id: offer.id, name: offer.name, description: offer.description, minQuantity: offer.minQuantity, maxQuantity: offer.maxQuantity, licenses: licensesApply(offer) }}
      facts={facts.join(" · ")}
      price={priceText(t, formattersFor(locale).money, item)}
      // Said before the first purchase too, not only once a second one is refused.
      limit={offer.onePerCustomer && unavailable?.code !== "one_per_customer" ? t("onePerCustomer") : null}
      unavailable={unavailable && { label: t("whyUnavailable", { name: offer.name }), text: unavailableReasonText(locale, unavailable), link: insteadLink(t, customerId, unavailable) }}
      order={!unavailable && canAdd ? { customerId, frequencies: item.frequencies } : null}
    />
  );
}
