import type { Metadata } from "next";
import { getDb } from "@/db";
import { toCartView } from "@/lib/cart-view";
import { requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { can, getCart, getCustomer, listCatalog, partnerCanBuy } from "@/lib/subscriptions";
import { catalogParamsSchema, parseListParams } from "@/lib/validation";
import { CustomerHeader } from "@/components/CustomerHeader";
import { CatalogFilters } from "@/components/CatalogFilters";
import { OfferCard } from "@/components/OfferCard";
import { CartPanel } from "@/components/CartPanel";
import { Pagination } from "@/components/ui/Pagination";
import { Alert } from "@/components/ui/Alert";

export const metadata: Metadata = { title: "Add subscription" };

export default async function CatalogPage({ params, searchParams }: { params: Promise<{ customerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { customerId } = await params;
  const raw = await searchParams;
  const { params: filters, searchError } = parseListParams(catalogParamsSchema, raw);
  const db = getDb();
  // A refused search lists no offers (CatalogFilters says why), never the whole catalog.
  const catalog = pageOrNotFound(() => (searchError ? { customer: getCustomer(db, actor, customerId), items: [], total: 0, page: 1, pageCount: 1 } : listCatalog(db, actor, customerId, filters)));
  const sells = can(actor, "buy") && partnerCanBuy(actor.partnerType);
  const cart = sells ? toCartView(getCart(db, actor, customerId)) : null;
  return (
    <div className="space-y-4">
      <CustomerHeader customer={catalog.customer} current="Add subscription" />
      {!partnerCanBuy(actor.partnerType) && (
        <Alert tone="warning" title="Buying isn't available to indirect resellers">
          As an indirect reseller, you can browse the catalog, but your indirect provider places orders for your customers.
        </Alert>
      )}
      {partnerCanBuy(actor.partnerType) && !can(actor, "buy") && <Alert tone="info">Your role can browse the catalog but not buy. Ask a Sales agent or an admin to place the order.</Alert>}
      <div role="tablist" aria-label="Catalog" className="flex border-b border-neutral-300">
        <span role="tab" aria-selected="true" className="border-b-2 border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700">
          Online Services
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-[220px_minmax(0,1fr)_320px]">
        <CatalogFilters />
        <div role="tabpanel" aria-label="Online Services">
          <p className="mb-3 text-sm text-neutral-600">
            Offers available to this customer&apos;s segment. Some can&apos;t be bought for this customer; the reason is shown on each.
          </p>
          {searchError ? (
            <p className="rounded border border-neutral-200 bg-white p-6 text-sm">No offers are shown until the search is shorter.</p>
          ) : (
            catalog.items.length === 0 && <p className="rounded border border-neutral-200 bg-white p-6 text-sm">No offers match these filters.</p>
          )}
          <ul className="space-y-3" aria-label="Offers">
            {catalog.items.map((item) => (
              <li key={item.offer.id}>
                <OfferCard customerId={customerId} item={item} canAdd={sells} />
              </li>
            ))}
          </ul>
          {!searchError && <Pagination page={catalog.page} pageCount={catalog.pageCount} total={catalog.total} params={raw} basePath={`/customers/${customerId}/catalog`} noun="offers" />}
        </div>
        {cart && <CartPanel customerId={customerId} initialCart={cart} />}
      </div>
    </div>
  );
}
