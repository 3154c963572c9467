import { getLocale } from "next-intl/server";
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
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata() {
  const t = await getTranslations("Catalog");
  return { title: t("title") };
}

export default async function CatalogPage({ params, searchParams }: { params: Promise<{ customerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { customerId } = await params;
  const raw = await searchParams;
  const { params: filters, searchError } = parseListParams(catalogParamsSchema, raw);
  const db = getDb();
  const t = await getTranslations("Catalog");
  // A refused search lists no offers (CatalogFilters says why), never the whole catalog.
  const catalog = pageOrNotFound(() => (searchError ? { customer: getCustomer(db, actor, customerId), items: [], total: 0, page: 1, pageCount: 1 } : listCatalog(db, actor, customerId, filters)));
  const sells = can(actor, "buy") && partnerCanBuy(actor.partnerType);
  const cart = sells ? toCartView(getCart(db, actor, customerId), await getLocale()) : null;
  return (
    <div className="space-y-4">
      <CustomerHeader customer={catalog.customer} current={t("title")} />
      {!partnerCanBuy(actor.partnerType) && (
        <Alert tone="warning" title={t("resellerTitle")}>
          {t("resellerBody")}
        </Alert>
      )}
      {partnerCanBuy(actor.partnerType) && !can(actor, "buy") && <Alert tone="info">{t("roleCannotBuy")}</Alert>}
      <div role="tablist" aria-label={t("tabs")} className="flex border-b border-neutral-300">
        <span role="tab" aria-selected="true" className="border-b-2 border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700">
          {t("onlineServices")}
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-[220px_minmax(0,1fr)_320px]">
        <CatalogFilters
          text={{
            label: t("filters.label"),
            search: t("filters.search"),
            searchPlaceholder: t("filters.searchPlaceholder"),
            updating: t("filters.updating"),
            publisher: t("filters.publisher"),
            billingType: t("filters.billingType"),
            category: t("filters.category"),
          }}
        />
        <div role="tabpanel" aria-label={t("onlineServices")}>
          <p className="mb-3 text-sm text-neutral-600">{t("intro")}</p>
          {searchError ? (
            <p className="rounded border border-neutral-200 bg-white p-6 text-sm">{t("searchTooLong")}</p>
          ) : (
            catalog.items.length === 0 && <p className="rounded border border-neutral-200 bg-white p-6 text-sm">{t("noMatch")}</p>
          )}
          <ul className="space-y-3" aria-label={t("offers")}>
            {catalog.items.map((item) => (
              <li key={item.offer.id}>
                <OfferCard customerId={customerId} item={item} canAdd={sells} />
              </li>
            ))}
          </ul>
          {!searchError && <Pagination page={catalog.page} pageCount={catalog.pageCount} items={t("count", { count: catalog.total })} params={raw} basePath={`/customers/${customerId}/catalog`} />}
        </div>
        {cart && <CartPanel customerId={customerId} initialCart={cart} />}
      </div>
    </div>
  );
}
