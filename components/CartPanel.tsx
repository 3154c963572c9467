"use client";

import { useTranslations } from "@/lib/use-translations";
import { useState } from "react";
import type { CartView } from "@/lib/cart-view";
import { cartApi, useCart, useCartMutation } from "@/lib/cart-client";
import { useFormat } from "@/lib/use-format";
import { ButtonLink } from "./ui/Button";

type Line = CartView["items"][number];

function CartLine({ customerId, line }: { customerId: string; line: Line }) {
  const t = useTranslations("Cart");
  const labels = useTranslations("Labels");
  const f = useFormat();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const update = useCartMutation(customerId, (q: string) => cartApi.update(customerId, line.id, q), () => t("updated", { name: line.offerName }));
  const remove = useCartMutation(customerId, () => cartApi.remove(customerId, line.id), () => t("removed", { name: line.offerName }));
  const id = `cart-${line.id}`;
  const error = update.error ?? remove.error;
  return (
    <li className="border-b border-neutral-100 py-3 last:border-0">
      <p className="text-sm font-semibold">{line.offerName}</p>
      <p className="text-xs text-neutral-600">
        {labels(`frequency.${line.billingFrequency}`)} · {t("each", { price: f.money(line.unitPriceMinor, line.currency) })}
        {line.freeTrialDays > 0 && ` · ${t("freeTrial", { days: line.freeTrialDays })}`}
      </p>
      {line.problem && <p className="mt-1 text-xs font-semibold text-red-700">{line.problem}</p>}
      <form
        noValidate
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(quantity);
        }}
      >
        {line.licenses && (
          <>
            <div>
              <label htmlFor={id} className="sr-only">
                {t("quantityOf", { name: line.offerName })}
              </label>
              <input id={id} type="number" min={line.minQuantity} max={line.maxQuantity} value={quantity} onChange={(e) => setQuantity(e.target.value)} className="w-20 rounded border border-neutral-400 px-2 py-1 text-sm" aria-invalid={!!update.error || undefined} />
            </div>
            <button type="submit" className="rounded border border-neutral-300 px-2 py-1 text-xs font-semibold hover:bg-neutral-100" disabled={update.isPending}>
              {t("update")}
            </button>
          </>
        )}
        <button type="button" onClick={() => remove.mutate(undefined)} className="whitespace-nowrap rounded px-2 py-1 text-xs font-semibold text-red-700 hover:bg-red-50" disabled={remove.isPending} aria-label={t("removeOffer", { name: line.offerName })}>
          {t("remove")}
        </button>
        <span className="ml-auto whitespace-nowrap text-sm tabular-nums">{f.money(line.lineTotalMinor, line.currency)}</span>
      </form>
      {error && (
        <p role="alert" className="mt-1 text-xs font-semibold text-red-700">
          {error.message || t("failed")}
        </p>
      )}
    </li>
  );
}

/** The cart, kept on the server per user and customer; edits go through TanStack Query. */
export function CartPanel({ customerId, initialCart }: { customerId: string; initialCart: CartView }) {
  const t = useTranslations("Cart");
  const f = useFormat();
  const { data: cart } = useCart(customerId, initialCart);
  return (
    <aside aria-labelledby="cart-heading" className="h-fit rounded-lg border border-neutral-200 bg-white p-4 shadow-sm lg:sticky lg:top-4">
      <h2 id="cart-heading" className="text-base font-semibold">
        {t("heading", { count: cart.items.length })}
      </h2>
      {cart.items.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-600">{t("empty")}</p>
      ) : (
        <ul className="mt-2">
          {cart.items.map((line) => (
            <CartLine key={`${line.id}-${line.quantity}`} customerId={customerId} line={line} />
          ))}
        </ul>
      )}
      {/* An empty cart has no total, and no offer whose currency it would be in. */}
      {cart.items.length > 0 && (
        <>
          <div className="mt-3 flex items-center justify-between border-t border-neutral-200 pt-3">
            <span className="text-sm font-semibold">{t("total")}</span>
            <span className="font-semibold tabular-nums">{f.money(cart.totalMinor, cart.currency)}</span>
          </div>
          <ButtonLink href={`/customers/${customerId}/review`} className="mt-3 w-full">
            {t("review")}
          </ButtonLink>
        </>
      )}
    </aside>
  );
}
