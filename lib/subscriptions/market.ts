import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { offers, type Offer } from "@/db/schema";
import type { Db } from "@/db/client";
import { marketUnavailableReason, type UnavailableReason } from "./availability";
import { MAX_PAGE_SIZE, PAGE_SIZE, type CursorPage } from "./customers";
import { keysetPage, type KeysetSource } from "./keyset";
import { assertCan, type Actor } from "./permissions";

export interface MarketOffer {
  offer: Offer;
  /** Why the partner can't sell it in this country whoever the customer is; null when it can. */
  unavailable: UnavailableReason | null;
}

export interface ListMarketOffersParams {
  /** ISO 3166 alpha-2: offers whose publisher supports that billing country. */
  country: string;
  cursor?: string;
  size?: number;
}

/** Offers sold in `country`: no country list (every country), or one that names it. */
function soldIn(country: string): SQL {
  return sql`(${offers.supportedCountries} is null or exists (select 1 from json_each(${offers.supportedCountries}) where value = ${country}))`;
}

/**
 * Partner Center's "Get a list of offers for a market": every offer of the partner's cloud sold in
 * the country, add-ons included (they say which offer they need), by name then id, paged by keyset.
 */
export function listMarketOffers(db: Db, actor: Actor, params: ListMarketOffersParams): CursorPage<MarketOffer> {
  assertCan(actor, "view");
  const size = Number.isSafeInteger(params.size) ? Math.min(Math.max(1, params.size!), MAX_PAGE_SIZE) : PAGE_SIZE;
  const where = and(eq(offers.cloud, actor.cloud), soldIn(params.country));
  const total = db.select({ n: count() }).from(offers).where(where).get()!.n;
  const source: KeysetSource<Offer> = {
    segments: [null],
    rows: (_segment, { from, back, limit, offset }) => {
      const after = from && sql`(${offers.name}, ${offers.id}) ${back ? sql`<` : sql`>`} (${from[0]}, ${from[1]})`;
      const order = back ? desc : asc;
      return db
        .select()
        .from(offers)
        .where(and(where, after))
        .orderBy(order(offers.name), order(offers.id))
        .limit(limit)
        .offset(offset ?? 0)
        .all();
    },
    key: (o) => [o.name, o.id],
    segmentOf: () => null,
  };
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = keysetPage(source, JSON.stringify(["offers", actor.cloud, params.country]), { cursor: params.cursor, size, pageCount });
  const partner = { id: actor.partnerId, cloud: actor.cloud };
  const items = page.items.map((offer) => ({ offer, unavailable: marketUnavailableReason(offer, { partner, country: params.country }) }));
  return { ...page, items, total, pageCount };
}
