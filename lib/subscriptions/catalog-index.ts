import { and, asc, eq, exists, isNull, sql } from "drizzle-orm";
import { offerSegments, offers, type BillingType, type Category, type Cloud, type Offer, type PublisherKind, type Segment } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";

/** A catalog offer with its name as the search compares it. */
export interface IndexedOffer {
  offer: Offer;
  folded: string;
}

export interface CatalogIndexFilters {
  publisher?: PublisherKind[];
  billingType?: BillingType[];
  category?: Category[];
  q?: string;
}

/**
 * One cloud's catalog for one customer segment, in display order (name, then id), whole offers. The
 * catalog is loaded with the database and never changes while the app runs, so each handle reads it
 * once per (cloud, segment) (about 2 MB for 5,000 offers): counting the matches and showing any page
 * (the last of 5,000 offers included) then reads nothing, where SQL counted and skipped with a
 * segment lookup per offer on every catalog request.
 */
/** SQLite's LIKE folds ASCII letters only; the search matches exactly what it matched in SQL. */
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

const indexes = new WeakMap<Db, Map<string, IndexedOffer[]>>();

export function catalogIndex(db: Db, cloud: Cloud, segment: Segment): IndexedOffer[] {
  let byScope = indexes.get(db);
  if (!byScope) indexes.set(db, (byScope = new Map()));
  const key = `${cloud}\u0000${segment}`;
  let list = byScope.get(key);
  if (!list) {
    list = db
      .select()
      .from(offers)
      .where(
        and(
          eq(offers.cloud, cloud),
          // Add-ons are bought from their base subscription's page, never from the catalog.
          isNull(offers.prerequisiteOfferId),
          exists(db.select({ one: offerSegments.offerId }).from(offerSegments).where(and(eq(offerSegments.segment, segment), eq(offerSegments.offerId, offers.id)))),
        ),
      )
      .orderBy(asc(offers.name), asc(offers.id))
      .all()
      .map((offer) => ({ offer, folded: foldAscii(offer.name) }));
    byScope.set(key, list);
  }
  return list;
}

/** How many filtered lists each index keeps: every filter combination a catalog's users page through. */
const MATCHES_KEPT = 200;
const matchesByList = new WeakMap<IndexedOffer[], Map<string, IndexedOffer[]>>();

/**
 * The offers of the index that pass every filter given, in display order. The index never changes,
 * so a filter combination's matches are kept (the most recently used 200 per index): paging through
 * them, or counting them for "page 3 of 248", costs nothing after the first request.
 */
export function filterCatalog(list: IndexedOffer[], filters: CatalogIndexFilters): IndexedOffer[] {
  const q = filters.q ? foldAscii(filters.q) : "";
  const tests: ((o: IndexedOffer) => boolean)[] = [];
  if (filters.publisher?.length) tests.push((o) => filters.publisher!.includes(o.offer.publisherKind));
  if (filters.billingType?.length) tests.push((o) => filters.billingType!.includes(o.offer.billingType));
  if (filters.category?.length) tests.push((o) => filters.category!.includes(o.offer.category));
  if (q) tests.push((o) => o.folded.includes(q));
  if (tests.length === 0) return list;
  let kept = matchesByList.get(list);
  if (!kept) matchesByList.set(list, (kept = new Map()));
  const key = JSON.stringify([filters.publisher ?? [], filters.billingType ?? [], filters.category ?? [], q]);
  let matches = kept.get(key);
  if (matches) kept.delete(key);
  else matches = list.filter((o) => tests.every((test) => test(o)));
  kept.set(key, matches);
  if (kept.size > MATCHES_KEPT) kept.delete(kept.keys().next().value!);
  return matches;
}

const segmentsOfOffer = preparedQuery((db) => db.select({ segment: offerSegments.segment }).from(offerSegments).where(eq(offerSegments.offerId, sql.placeholder("offerId"))).prepare());

/** The customer segments an offer is sold to ("offer_segments"): one key lookup, prepared once per connection. */
export function offerSegmentsOf(db: Db, offerId: string): Segment[] {
  return segmentsOfOffer(db)
    .all({ offerId })
    .map((r) => r.segment);
}

const offerRow = preparedQuery((db) => db.select().from(offers).where(eq(offers.id, sql.placeholder("id"))).prepare());
const offersByDb = new WeakMap<Db, Map<string, Offer>>();

/** An offer by id, kept per handle once read (offers never change while the app runs). */
export function offerById(db: Db, offerId: string): Offer | undefined {
  let byId = offersByDb.get(db);
  if (!byId) offersByDb.set(db, (byId = new Map()));
  let offer = byId.get(offerId);
  if (!offer) {
    offer = offerRow(db).get({ id: offerId });
    if (offer) byId.set(offerId, offer);
  }
  return offer;
}
