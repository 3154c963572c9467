import "server-only";
import { getLocale } from "next-intl/server";
import { formattersFor, type Formatters } from "@/lib/format";

/** The request's formatters (money, dates, numbers) for server components, actions and handlers. */
export async function getFormat(): Promise<Formatters> {
  return formattersFor(await getLocale());
}
