import type { Metadata } from "next";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { getClock, requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { getCustomer, MAX_BULK_ROWS, renewalsPage, RENEWAL_EVENT_FILTERS, RENEWAL_SORTS, RENEWAL_WINDOWS } from "@/lib/subscriptions";
import { bulkChoicesFor } from "@/lib/server/bulk-choices";
import { renewalsParamsSchema } from "@/lib/validation";
import { getFormat, getTranslations } from "@/lib/server/i18n";
import { CustomerPicker } from "@/components/CustomerPicker";
import { RenewalsTable } from "@/components/RenewalsTable";
import { BulkChangeForm } from "@/components/BulkChangeForm";
import { CursorLinks, listHref } from "@/components/ui/CursorLinks";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Renewals");
  return { title: t("title") };
}

export default async function RenewalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const [t, f] = await Promise.all([getTranslations("Renewals"), getFormat()]);
  const params = renewalsParamsSchema.parse(await searchParams);
  const db = getDb();
  const page = pageOrNotFound(() => renewalsPage(db, actor, getClock(actor.partnerId), params));
  let customer: { id: string; name: string } | null = null;
  try {
    customer = params.customerId ? getCustomer(db, actor, params.customerId) : null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  // The filters as the URL carries them: kept by the pager, the sort links and the export.
  const query = {
    days: String(params.days),
    customer: params.customerId,
    publisher: params.publisher,
    autoRenew: params.autoRenew === undefined ? undefined : params.autoRenew ? "on" : "off",
    event: params.event,
    sort: params.sort,
  };
  const bulkChoices = bulkChoicesFor(actor);
  // Kept while the list is empty too: the result of the last change stays shown after its rows leave the list.
  const bulkFormId = bulkChoices.length > 0 ? "bulk-change" : undefined;
  const select = "mt-1 block w-48 rounded border border-neutral-400 bg-white px-2 py-2 text-sm";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-neutral-700">
        {t("intro", { date: f.date(page.until) })}
      </p>
      <form className="flex flex-wrap items-start gap-4" action="/renewals">
        <div className="text-sm">
          <label htmlFor="renewals-days" className="font-semibold">
            {t("filters.window")}
          </label>
          <select id="renewals-days" name="days" defaultValue={String(params.days)} className={select}>
            {RENEWAL_WINDOWS.map((d) => <option key={d} value={d}>{t("filters.nextDays", { days: d })}</option>)}
          </select>
        </div>
        <CustomerPicker name="customer" label={t("filters.customer")} subject="renewals" initial={customer && { id: customer.id, name: customer.name }} />
        <div className="text-sm">
          <label htmlFor="renewals-publisher" className="font-semibold">
            {t("filters.publisher")}
          </label>
          <select id="renewals-publisher" name="publisher" defaultValue={params.publisher ?? ""} className={select}>
            <option value="">{t("filters.allPublishers")}</option>
            <option value="microsoft">{t("publisher.microsoft")}</option>
            <option value="partner">{t("publisher.partner")}</option>
          </select>
        </div>
        <div className="text-sm">
          <label htmlFor="renewals-autoRenew" className="font-semibold">
            {t("filters.autoRenew")}
          </label>
          <select id="renewals-autoRenew" name="autoRenew" defaultValue={query.autoRenew ?? ""} className={select}>
            <option value="">{t("filters.onOrOff")}</option>
            <option value="on">{t("on")}</option>
            <option value="off">{t("off")}</option>
          </select>
        </div>
        <div className="text-sm">
          <label htmlFor="renewals-event" className="font-semibold">
            {t("filters.event")}
          </label>
          <select id="renewals-event" name="event" defaultValue={params.event ?? ""} className={select}>
            <option value="">{t("filters.allEvents")}</option>
            {RENEWAL_EVENT_FILTERS.map((value) => <option key={value} value={value}>{t(`filters.events.${value}`)}</option>)}
          </select>
        </div>
        <div className="text-sm">
          <label htmlFor="renewals-sort" className="font-semibold">
            {t("filters.sortBy")}
          </label>
          <select id="renewals-sort" name="sort" defaultValue={params.sort} className={select}>
            {RENEWAL_SORTS.map((value) => <option key={value} value={value}>{t(`filters.sorts.${value}`)}</option>)}
          </select>
        </div>
        <button type="submit" className={`${buttonClass("secondary")} mt-6`}>{t("filters.submit")}</button>
      </form>
      {params.customerId && !customer && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {t("customerNotFound")}
        </p>
      )}
      <Card
        title={t("upcoming")}
        titleId="renewals-title"
        actions={
          <a href={listHref("/api/exports/renewals", query, {})} className={buttonClass("secondary")} download>
            {t("downloadCsv")}
          </a>
        }
      >
        {bulkFormId && (
          <BulkChangeForm
            formId={bulkFormId}
            choices={bulkChoices}
            maxRows={MAX_BULK_ROWS}
            rowLabels={Object.fromEntries(page.items.map((r) => [r.subscriptionId, `${r.offerName} · ${r.customerName}`]))}
          />
        )}
        <RenewalsTable items={page.items} amountsShown={page.amountsShown} bulkFormId={bulkFormId} />
        <CursorLinks basePath="/renewals" params={query} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
      </Card>
    </div>
  );
}
