import Link from "next/link";
import { useLocale } from "next-intl";
import type { Customer } from "@/db/schema";
import { formattersFor } from "@/lib/format";
import { useTranslations } from "@/lib/server/i18n";

export function CustomerHeader({ customer, current }: { customer: Customer; current?: string }) {
  const t = useTranslations("Customer.header");
  const labels = useTranslations("Labels");
  const f = formattersFor(useLocale());
  return (
    <div>
      <nav aria-label={t("breadcrumb")} className="text-sm text-neutral-600">
        <Link href="/customers" className="hover:underline">
          {t("customers")}
        </Link>
        <span aria-hidden="true"> / </span>
        {current ? (
          <>
            <Link href={`/customers/${customer.id}`} className="hover:underline">
              {customer.name}
            </Link>
            <span aria-hidden="true"> / </span>
            <span>{current}</span>
          </>
        ) : (
          <span>{customer.name}</span>
        )}
      </nav>
      <h1 className="mt-1 text-2xl font-semibold">{current ?? customer.name}</h1>
      <p className="mt-1 text-sm text-neutral-600">
        {current ? `${customer.name} · ` : ""}
        {labels(`segment.${customer.segment}`)} · {f.country(customer.billingCountry)} · {customer.contactName} ({customer.contactEmail})
      </p>
    </div>
  );
}
