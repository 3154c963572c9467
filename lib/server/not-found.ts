import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";

/** Runs a page's reads; a missing (or another partner's) id renders the 404 page. */
export function pageOrNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isDomainError(error) && (error.code.startsWith("not_found") || error.code === "forbidden")) notFound();
    throw error;
  }
}
