import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "@/i18n/locales";

/** The language a user chose in the header, kept for their next sign-in in any browser. */
export function setUserLocale(db: Db, userId: string, locale: Locale): void {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** Null while the user never chose: their browser's Accept-Language decides. */
export function userLocale(db: Db, userId: string): Locale | null {
  return db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale ?? null;
}
