import { and, asc, eq, exists, isNull, sql } from "drizzle-orm";
import { offerSegments, offers, type BillingType, type Category, type Cloud, type PublisherKind, type Segment } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";

/** What the catalog's filters and order need of an offer; the page's rows are read by id. */
export interface IndexedOffer {
  id: string;
  name: string;
  publisherKind: PublisherKind;
  billingType: BillingType;
  category: Category;
  /** The name as the search compares it. */
  folded: string;
}

export interface CatalogIndexFilters {
  publisher?: PublisherKind[];
  billingType?: BillingType[];
  category?: Category[];
  q?: string;
}

/**
 * One cloud's catalog for one customer segment, in display order (name, then id). The catalog is
 * loaded with the database and never changes while the app runs, so each handle builds it once per
 * (cloud, segment): counting the matches and finding any page (the last of 5,000 offers included)
 * then costs a walk over a few thousand small objects instead of a COUNT and an OFFSET scan in SQL
 * with a segment lookup per offer, on every catalog request.
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
      .select({ id: offers.id, name: offers.name, publisherKind: offers.publisherKind, billingType: offers.billingType, category: offers.category })
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
      .map((o) => ({ ...o, folded: foldAscii(o.name) }));
    byScope.set(key, list);
  }
  return list;
}

/** The offers of the index that pass every filter given, in display order. */
export function filterCatalog(list: IndexedOffer[], filters: CatalogIndexFilters): IndexedOffer[] {
  const oneOf = <T>(values: readonly T[] | undefined, value: T) => !values || values.length === 0 || values.includes(value);
  const q = filters.q ? foldAscii(filters.q) : null;
  return list.filter(
    (o) => oneOf(filters.publisher, o.publisherKind) && oneOf(filters.billingType, o.billingType) && oneOf(filters.category, o.category) && (q === null || o.folded.includes(q)),
  );
}

const segmentsOfOffer = preparedQuery((db) => db.select({ segment: offerSegments.segment }).from(offerSegments).where(eq(offerSegments.offerId, sql.placeholder("offerId"))).prepare());

/** The customer segments an offer is sold to ("offer_segments"): one key lookup, prepared once per connection. */
export function offerSegmentsOf(db: Db, offerId: string): Segment[] {
  return segmentsOfOffer(db)
    .all({ offerId })
    .map((r) => r.segment);
}
