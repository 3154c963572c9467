import { and, asc, eq, isNull } from "drizzle-orm";
import { partners, users, type Role } from "@/db/schema";
import type { Db } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed-data/partners";
import { isDemoData } from "@/lib/subscriptions/demo-clock";

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  partnerName: string;
}

/**
 * The demo accounts, listed on the sign-in page only while the app runs on demo data: people only,
 * never the users of registered REST API apps (they have no password to sign in with).
 */
export function listDemoAccounts(db: Db): { password: string; accounts: DemoAccount[] } | null {
  if (!isDemoData(db)) return null;
  const accounts = db
    .select({ email: users.email, name: users.name, roles: users.roles, partnerName: partners.name })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    // Never a sandbox's users (their sign-in details are shown once, to whoever started it) nor a template's.
    .where(and(eq(users.kind, "person"), isNull(partners.sandboxId), isNull(partners.template)))
    .orderBy(asc(partners.name), asc(users.email))
    .all();
  return { password: DEMO_PASSWORD, accounts };
}
