import { useLocale } from "next-intl";
import type { Role } from "@/db/schema";
import type { ActivityRow } from "@/lib/subscriptions";
import { formattersFor, type Formatters } from "@/lib/format";
import { useTranslations } from "@/lib/server/i18n";
import { ActivityTable, type ActivityTableRow } from "./ActivityTable";

type T = ReturnType<typeof useTranslations<"Activity">>;
type Cancel = ReturnType<typeof useTranslations<"Subscription.cancel">>;

/**
 * A code the log stores as data, in words: as stored when the messages don't name it (a newer code).
 * Every group it reads holds plain words, without arguments.
 */
function say(t: T, key: `${"action" | "field" | "status" | "frequency" | "suspensionReason"}.${string}`, stored: string): string {
  const k = key as Parameters<T["has"]>[0];
  return t.has(k) ? t(k as "action.purchase") : stored;
}

/** A cancellation's reason is stored as the Cancel dialog's choice ("Bought by mistake"), worded as the dialog words it. */
function cancellationReason(cancel: Cancel, stored: string): string {
  const key = `reasons.${stored}` as Parameters<Cancel["has"]>[0];
  return cancel.has(key) ? cancel(key as "reasons.Other") : stored;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/**
 * One stored value in words. The log keeps codes (a status, a reason, a frequency), ISO instants and
 * amounts in minor units of the offer's currency, so any entry reads in the reader's language.
 */
function valueText(t: T, cancel: Cancel, f: Formatters, entry: ActivityRow, key: string, value: unknown): string {
  if (typeof value === "boolean") return t(`boolean.${value}`);
  if (typeof value === "number") return key.endsWith("Minor") && entry.currency ? f.money(value, entry.currency) : f.number(value);
  if (typeof value !== "string") return String(value);
  if (ISO_INSTANT.test(value)) return f.date(value);
  if (key === "status") return say(t, `status.${value}`, value);
  if (key === "billingFrequency") return say(t, `frequency.${value}`, value);
  if (key === "reason") return entry.action === "suspend" ? say(t, `suspensionReason.${value}`, value) : cancellationReason(cancel, value);
  return value; // data: an offer's name
}

/**
 * Before/after values in words ("Status: Suspended"). A value that was never given (a suspension
 * without a reason) says nothing, not "reason: null". The separator is a plain message rather than a
 * "{field}: {value}" one: a message with arguments costs next-intl about 4 µs a call, and a page of
 * the log made a hundred of them.
 */
function values(t: T, cancel: Cancel, f: Formatters, entry: ActivityRow, v: Record<string, unknown> | null): string {
  if (!v) return "—";
  const separator = t("valueSeparator");
  return Object.entries(v)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([key, x]) => `${say(t, `field.${key}`, key)}${separator}${valueText(t, cancel, f, entry, key, x)}`)
    .join(", ");
}

/**
 * Who changed what and when, newest first, worded here in the reader's language and drawn by
 * ActivityTable. With `linkSubscriptions` (the partner's whole log) each entry links to its subscription.
 */
export function ActivityList({ entries, linkSubscriptions = false }: { entries: ActivityRow[]; linkSubscriptions?: boolean }) {
  const t = useTranslations("Activity");
  const labels = useTranslations("Labels");
  const cancel = useTranslations("Subscription.cancel");
  const f = formattersFor(useLocale());
  if (entries.length === 0) return <p className="text-sm text-neutral-600">{t("empty")}</p>;
  const rows = entries.map(
    (e): ActivityTableRow => ({
      id: e.id,
      when: f.dateTime(e.at),
      // The lifecycle's own changes (renewals, expiries…) are stored under the name "system".
      who: e.actorUserId === null && e.actorName === "system" ? t("system") : e.actorName,
      role: e.actorRole ? labels(`role.${e.actorRole as Role}`) : null,
      subscription: linkSubscriptions ? { href: `/customers/${e.customerId}/subscriptions/${e.subscriptionId}`, offer: e.offerName ?? t("subscriptionFallback"), customer: e.customerName } : null,
      what: say(t, `action.${e.action}`, e.action),
      before: values(t, cancel, f, e, e.before),
      after: values(t, cancel, f, e, e.after),
    }),
  );
  const columns = { when: t("column.when"), who: t("column.who"), subscription: linkSubscriptions ? t("column.subscription") : null, what: t("column.what"), before: t("column.before"), after: t("column.after") };
  return <ActivityTable columns={columns} rows={rows} />;
}
