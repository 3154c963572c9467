"use client";

import { useLocale } from "next-intl";
import { formattersFor, type Formatters } from "@/lib/format";

/** The page's formatters (money, dates, numbers) for client components. */
export function useFormat(): Formatters {
  return formattersFor(useLocale());
}
