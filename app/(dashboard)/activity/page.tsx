import type { Metadata } from "next";
import { getDb } from "@/db";
import { isDomainError } from "@/lib/errors";
import { requireActor } from "@/lib/server/context";
import { pageOrNotFound } from "@/lib/server/not-found";
import { ACTIVITY_PAGE_SIZE, activityFilterOptions, activityPage, getCustomer } from "@/lib/subscriptions";
import { activityParamsSchema } from "@/lib/validation";
import { ActivityList } from "@/components/ActivityList";
import { CustomerPicker } from "@/components/CustomerPicker";
import { CursorLinks, listHref } from "@/components/ui/CursorLinks";
import { buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { getTranslations } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Activity");
  return { title: t("title") };
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations("Activity");
  const filters = activityParamsSchema.parse(await searchParams);
  const db = getDb();
  const { options, page } = pageOrNotFound(() => ({ options: activityFilterOptions(db, actor), page: activityPage(db, actor, { ...filters, limit: ACTIVITY_PAGE_SIZE }) }));
  // The picked customer's name for the picker; an unknown (or another partner's) id matches no activity.
  let customer: { id: string; name: string } | null = null;
  try {
    customer = filters.customerId ? getCustomer(db, actor, filters.customerId) : null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  const filterParams = { customer: filters.customerId, userId: filters.userId, action: filters.action };
  const select = "mt-1 block w-56 rounded border border-neutral-400 bg-white px-2 py-2 text-sm";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <form className="flex flex-wrap items-start gap-4" action="/activity">
        <CustomerPicker name="customer" label={t("filters.customer")} initial={customer && { id: customer.id, name: customer.name }} />
        <label className="text-sm font-semibold">
          {t("filters.user")}
          <select name="userId" defaultValue={filters.userId ?? ""} className={select}>
            <option value="">{t("filters.allUsers")}</option>
            {options.users.map((u) => <option key={u.id} value={u.id}>{u.app ? t("filters.appUser", { name: u.name }) : u.name}</option>)}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t("filters.action")}
          <select name="action" defaultValue={filters.action ?? ""} className={select}>
            <option value="">{t("filters.allActions")}</option>
            {options.actions.map((a) => <option key={a} value={a}>{t(`action.${a}`)}</option>)}
          </select>
        </label>
        <button type="submit" className={`${buttonClass("secondary")} mt-6`}>{t("filters.submit")}</button>
        {/* Every entry these filters match, not only this page. */}
        <a href={listHref("/api/exports/activity", filterParams, {})} className={`${buttonClass("secondary")} mt-6`} download>
          {t("filters.downloadCsv")}
        </a>
      </form>
      {filters.customerId && !customer && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {t("customerNotFound")}
        </p>
      )}
      <Card>
        <ActivityList entries={page.items} linkSubscriptions />
        <CursorLinks basePath="/activity" params={filterParams} prevCursor={page.prevCursor} nextCursor={page.nextCursor} prevLabel={t("newer")} nextLabel={t("older")} />
      </Card>
    </div>
  );
}
