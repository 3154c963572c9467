import type { SubscriptionDetail } from "@/lib/subscriptions";
import { quantityAtRenewal } from "@/lib/subscriptions/shared";
import { useFormat } from "@/lib/use-format";
import { Card } from "./ui/Card";
import { useTranslations } from "@/lib/use-translations";

/** "Below the Status section, are a list of available Add-ons for the subscription." */
export function AddOnsSection({ detail, canBuy, errors }: { detail: SubscriptionDetail; canBuy: boolean; errors?: Record<string, string[]> }) {
  const t = useTranslations("Subscription.addOns");
  const f = useFormat();
  const { addOns, addOnBlocker, subscription: base } = detail;
  return (
    <Card title={t("title")} titleId="add-ons">
      {addOns.length === 0 ? (
        <p className="text-sm text-neutral-600">{t("none")}</p>
      ) : (
        <>
          {addOnBlocker && <p className="mb-3 text-sm text-amber-900">{t(`blocker.${addOnBlocker}`)}</p>}
          {!canBuy && !addOnBlocker && <p className="mb-3 text-sm text-neutral-600">{t("roleCantBuy")}</p>}
          <p className="mb-3 text-xs text-neutral-600">{t("term", { date: f.date(base.termEnd) })}</p>
          <ul className="divide-y divide-neutral-100">
            {addOns.map(({ offer, subscription }) => {
              const id = `addon-${offer.id}`;
              const price = base.billingFrequency === "annual" ? offer.annualPriceMinor : offer.monthlyPriceMinor;
              // The licenses the add-on will have: a scheduled decrease, not the current quantity.
              const shown = subscription ? quantityAtRenewal(subscription) : 0;
              return (
                <li key={offer.id} className="flex flex-wrap items-center gap-4 py-3">
                  <div className="min-w-0 flex-1">
                    <label htmlFor={id} className="text-sm font-semibold">
                      {offer.name}
                    </label>
                    <p className="text-xs text-neutral-600">
                      {price !== null && t("price", { price: f.money(price, offer.currency), period: base.billingFrequency === "annual" ? "year" : "month" })}
                      {subscription && ` · ${t("owned", { count: subscription.quantity, status: subscription.status })}`}
                      {subscription?.scheduledQuantity != null && `, ${t("atRenewal", { count: subscription.scheduledQuantity })}`}
                    </p>
                    {errors?.[`addon:${offer.id}`]?.map((e) => <p key={e} className="text-xs font-semibold text-red-700">{e}</p>)}
                  </div>
                  {/* What the field showed at load: a field left as it was is no change (the domain checks it). */}
                  <input type="hidden" name={`addonShown:${offer.id}`} value={shown} />
                  <input
                    id={id}
                    name={`addon:${offer.id}`}
                    type="number"
                    min={subscription ? offer.minQuantity : 0}
                    max={offer.maxQuantity}
                    defaultValue={shown}
                    disabled={!canBuy || (!!addOnBlocker && !subscription) || subscription?.status === "suspended"}
                    className="w-24 rounded border border-neutral-400 px-2 py-1.5 text-sm disabled:bg-neutral-100"
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
