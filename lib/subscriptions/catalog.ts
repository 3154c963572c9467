import { and, eq, sql } from "drizzle-orm";
import {
  subscriptions,
  type BillingType,
  type Category,
  type Customer,
  type Offer,
  type PublisherKind,
  type SubscriptionStatus,
} from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedSql } from "@/db/prepared";
import { DomainError } from "@/lib/errors";
import { isOfferAvailable, type UnavailableReason } from "./availability";
import { catalogIndex, filterCatalog, offerById, offerSegmentsOf } from "./catalog-index";
import { getCustomer, pageWindow, type Page } from "./customers";
import { assertCan, type Actor } from "./permissions";
import { allowedFrequencies } from "./pricing";

export interface CatalogFilters {
  publisher?: PublisherKind[];
  billingType?: BillingType[];
  category?: Category[];
  q?: string;
  page?: number;
}

export interface CatalogOffer {
  offer: Offer;
  frequencies: ReturnType<typeof allowedFrequencies>;
  /** Null when the offer can be added to the cart. */
  unavailable: UnavailableReason | null;
}

/** The **Online Services** tab: filtered by Publisher, Billing type, Category and search, one page of it. */
export function listCatalog(db: Db, actor: Actor, customerId: string, filters: CatalogFilters = {}): Page<CatalogOffer> & { customer: Customer } {
  const customer = getCustomer(db, actor, customerId);
  // "The products you see depend on the type of customer segment": catalog offers in the partner's cloud.
  const matches = filterCatalog(catalogIndex(db, actor.cloud, customer.segment), filters);
  const { page, pageCount, limit, offset } = pageWindow(matches.length, filters.page);
  const rows = matches.slice(offset, offset + limit).map((o) => o.offer);
  const availability = offerAvailability(db, actor, customer, rows);
  const items = rows.map((offer) => ({ offer, frequencies: allowedFrequencies(offer), unavailable: availability.get(offer.id) ?? null }));
  return { items, total: matches.length, page, pageCount, customer };
}

/**
 * The customer's subscriptions of one offer that decide "suspended" and "one per customer": one
 * suspended and one active, if any, each a seek of subscriptions_offer_status_idx. Not all of them:
 * a customer who bought an offer hundreds of times made every Add to cart and Buy read them all.
 */
const decidingOfOffer = preparedSql<{ id: string; status: SubscriptionStatus }>(sql`${firstOfOfferWith("suspended")} union all ${firstOfOfferWith("active")}`);

/** The customer's first subscription of the offer in `status` (a subquery, as a compound's part can't have a limit). */
function firstOfOfferWith(status: SubscriptionStatus) {
  const ofOffer = and(
    eq(subscriptions.partnerId, sql.placeholder("partnerId")),
    eq(subscriptions.customerId, sql.placeholder("customerId")),
    eq(subscriptions.offerId, sql.placeholder("offerId")),
    eq(subscriptions.status, status),
  );
  return sql`select * from (select ${subscriptions.id}, ${subscriptions.status} from ${subscriptions} where ${ofOffer} limit 1)`;
}

/** Availability of each offer for the customer, from the customer's current subscriptions. */
export function offerAvailability(db: Db, actor: Actor, customer: Customer, rows: Offer[]): Map<string, UnavailableReason | null> {
  return new Map(
    rows.map((offer) => [
      offer.id,
      isOfferAvailable(offer, {
        customer,
        partner: { id: actor.partnerId, cloud: actor.cloud },
        offerSegments: offerSegmentsOf(db, offer.id),
        existing: decidingOfOffer(db).all({ partnerId: actor.partnerId, customerId: customer.id, offerId: offer.id }),
      }),
    ]),
  );
}

/** A catalog offer by id (add-ons are not in the catalog). */
export function getCatalogOffer(db: Db, actor: Actor, offerId: string): Offer {
  assertCan(actor, "view");
  const offer = offerById(db, offerId);
  // Another cloud's offers and add-ons (bought from their base's page) are not in this catalog.
  if (!offer || offer.cloud !== actor.cloud || offer.prerequisiteOfferId !== null) throw new DomainError("not_found:offer");
  return offer;
}
