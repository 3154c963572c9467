import Link from "next/link";
import type { Customer } from "@/db/schema";
import { countryName, SEGMENT_LABELS } from "@/lib/format";

export function CustomerHeader({ customer, current }: { customer: Customer; current?: string }) {
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm text-neutral-600">
        <Link href="/customers" className="hover:underline">
          Customers
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
        {SEGMENT_LABELS[customer.segment]} · {countryName(customer.billingCountry)} · {customer.contactName} ({customer.contactEmail})
      </p>
    </div>
  );
}
