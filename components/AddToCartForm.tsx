"use client";

import { useTranslations } from "@/lib/use-translations";
import { useState } from "react";
import type { BillingFrequency } from "@/db/schema";
import { cartApi, useCartMutation } from "@/lib/cart-client";
import { Button } from "./ui/Button";

export interface OfferSummary {
  id: string;
  name: string;
  minQuantity: number;
  maxQuantity: number;
  licenses: boolean;
}

/** "For each subscription you want to add, enter the number of licenses (if needed) and select Add to cart." */
export function AddToCartForm({ customerId, offer, frequencies }: { customerId: string; offer: OfferSummary; frequencies: BillingFrequency[] }) {
  const t = useTranslations("Cart");
  const labels = useTranslations("Labels");
  const [quantity, setQuantity] = useState(String(offer.minQuantity));
  const [frequency, setFrequency] = useState<BillingFrequency>(frequencies[0]);
  const add = useCartMutation(customerId, (v: { quantity: string; billingFrequency: string }) => cartApi.add(customerId, { offerId: offer.id, ...v }), () => t("added", { name: offer.name }));
  const base = `offer-${offer.id}`;
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ quantity: offer.licenses ? quantity : "1", billingFrequency: frequency });
      }}
      noValidate
    >
      {offer.licenses && (
        <div>
          <label htmlFor={`${base}-quantity`} className="block text-xs font-semibold">
            {t("quantity")}
          </label>
          <input
            id={`${base}-quantity`}
            type="number"
            inputMode="numeric"
            min={offer.minQuantity}
            max={offer.maxQuantity}
            step={1}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            aria-describedby={`${base}-range${add.error ? ` ${base}-error` : ""}`}
            aria-invalid={add.isError || undefined}
            className="w-24 rounded border border-neutral-400 px-2 py-1.5 text-sm"
          />
          <span id={`${base}-range`} className="block text-xs text-neutral-600">
            {t("range", { min: String(offer.minQuantity), max: String(offer.maxQuantity) })}
          </span>
        </div>
      )}
      {frequencies.length > 1 ? (
        <fieldset>
          <legend className="text-xs font-semibold">{t("billingFrequency")}</legend>
          <div className="flex gap-3 py-1.5">
            {frequencies.map((f) => (
              <label key={f} className="flex items-center gap-1 text-sm">
                <input type="radio" name={`${base}-frequency`} value={f} checked={frequency === f} onChange={() => setFrequency(f)} className="accent-brand-600" />
                {labels(`frequency.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="py-1.5 text-xs text-neutral-600">{t("billed", { frequency: frequencies[0] })}</p>
      )}
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? t("adding") : t("addToCart")}
      </Button>
      {add.error && (
        <p id={`${base}-error`} role="alert" className="w-full text-sm font-semibold text-red-700">
          {add.error.message || t("failed")}
        </p>
      )}
    </form>
  );
}
