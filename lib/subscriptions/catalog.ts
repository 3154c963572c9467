import { and, asc, count, eq, exists, inArray, isNull, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  offerSegments,
  offers,
  subscriptions,
  type BillingType,
  type Category,
  type Customer,
  type Offer,
  type PublisherKind,
} from "@/db/schema";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { isOfferAvailable, type UnavailableReason } from "./availability";
import { getCustomer, nameContains, pageWindow, type Page } from "./customers";
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

function anyOf(column: SQLiteColumn, values: readonly string[] | undefined): SQL | undefined {
  return values && values.length > 0 ? inArray(column, values) : undefined;
}

/** "The products you see depend on the type of customer segment": catalog offers (never add-ons) in the partner's cloud. */
function catalogScope(db: Db, actor: Actor, customer: Customer): SQL | undefined {
  return and(
    eq(offers.cloud, actor.cloud),
    isNull(offers.prerequisiteOfferId),
    exists(
      db
        .select({ one: offerSegments.offerId })
        .from(offerSegments)
        .where(and(eq(offerSegments.segment, customer.segment), eq(offerSegments.offerId, offers.id))),
    ),
  );
}

/** The **Online Services** tab: filtered by Publisher, Billing type, Category and search, paged in SQL. */
export function listCatalog(db: Db, actor: Actor, customerId: string, filters: CatalogFilters = {}): Page<CatalogOffer> & { customer: Customer } {
  const customer = getCustomer(db, actor, customerId);
  const where = and(
    catalogScope(db, actor, customer),
    anyOf(offers.publisherKind, filters.publisher),
    anyOf(offers.billingType, filters.billingType),
    anyOf(offers.category, filters.category),
    filters.q ? nameContains(offers.name, filters.q) : undefined,
  );
  const [{ total }] = db.select({ total: count() }).from(offers).where(where).all();
  const { page, pageCount, limit, offset } = pageWindow(total, filters.page);
  const rows = db.select().from(offers).where(where).orderBy(asc(offers.name), asc(offers.id)).limit(limit).offset(offset).all();
  const availability = offerAvailability(db, actor, customer, rows);
  const items = rows.map((offer) => ({ offer, frequencies: allowedFrequencies(offer), unavailable: availability.get(offer.id) ?? null }));
  return { items, total, page, pageCount, customer };
}

/** Availability of each offer for the customer, from the customer's current subscriptions. */
export function offerAvailability(db: Db, actor: Actor, customer: Customer, rows: Offer[]): Map<string, UnavailableReason | null> {
  const ids = rows.map((o) => o.id);
  if (ids.length === 0) return new Map();
  const owned = db
    .select({ id: subscriptions.id, offerId: subscriptions.offerId, status: subscriptions.status })
    .from(subscriptions)
    .where(and(eq(subscriptions.partnerId, actor.partnerId), eq(subscriptions.customerId, customer.id), inArray(subscriptions.offerId, ids)))
    .all();
  const segments = db.select().from(offerSegments).where(inArray(offerSegments.offerId, ids)).all();
  return new Map(
    rows.map((offer) => [
      offer.id,
      isOfferAvailable(offer, {
        customer,
        partner: { id: actor.partnerId, cloud: actor.cloud },
        offerSegments: segments.filter((s) => s.offerId === offer.id).map((s) => s.segment),
        existing: owned.filter((s) => s.offerId === offer.id),
      }),
    ]),
  );
}

/** A catalog offer by id (add-ons are not in the catalog). */
export function getCatalogOffer(db: Db, actor: Actor, offerId: string): Offer {
  assertCan(actor, "view");
  const offer = db
    .select()
    .from(offers)
    .where(and(eq(offers.id, offerId), eq(offers.cloud, actor.cloud), isNull(offers.prerequisiteOfferId)))
    .get();
  if (!offer) throw new DomainError("not_found:offer");
  return offer;
}
