"use client";

import Link from "next/link";
import type { BillingFrequency } from "@/db/schema";
import { AddToCartForm, type OfferSummary } from "./AddToCartForm";

/** Why the offer can't be bought, worded on the server, and where to go instead. */
export interface UnavailableNote {
  label: string;
  text: string;
  link: { href: string; text: string; external: boolean } | null;
}

export interface OfferCardProps {
  offer: OfferSummary & { description: string | null };
  /** Publisher, billing type, category and trial, joined. */
  facts: string;
  price: string;
  /** "Limited to one subscription per customer.", said before the first purchase too. */
  limit: string | null;
  unavailable: UnavailableNote | null;
  /** Add to cart, when the offer can be added and the user may sell. */
  order: { customerId: string; frequencies: BillingFrequency[] } | null;
}

/**
 * An offer's card in the catalog. A client component with its words as props: as a server component
 * each of a page's 20 cards went through the server twice (rendered into the RSC payload, then that
 * payload into HTML) and rode along in the page as markup of both kinds.
 */
export function OfferCardView({ offer, facts, price, limit, unavailable, order }: OfferCardProps) {
  const headingId = `offer-${offer.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="font-semibold">
            {offer.name}
          </h2>
          <p className="text-xs text-neutral-600">{facts}</p>
        </div>
        <p className="text-sm font-semibold">{price}</p>
      </div>
      {offer.description && <p className="mt-2 text-sm text-neutral-700">{offer.description}</p>}
      {limit && <p className="mt-2 text-xs font-semibold text-neutral-700">{limit}</p>}
      {unavailable && (
        <div role="note" aria-label={unavailable.label} className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>{unavailable.text}</p>
          {unavailable.link &&
            (unavailable.link.external ? (
              <a href={unavailable.link.href} className="mt-1 inline-block font-semibold text-brand-700 underline" target="_blank" rel="noreferrer">
                {unavailable.link.text}
              </a>
            ) : (
              <Link href={unavailable.link.href} className="mt-1 inline-block font-semibold text-brand-700 underline">
                {unavailable.link.text}
              </Link>
            ))}
        </div>
      )}
      {order && <AddToCartForm customerId={order.customerId} offer={offer} frequencies={order.frequencies} />}
    </article>
  );
}
