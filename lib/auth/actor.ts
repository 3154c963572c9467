import { eq, sql } from "drizzle-orm";
import { partners, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import type { Actor } from "@/lib/subscriptions/permissions";

const actorRow = preparedQuery((db) =>
  db
    .select({ user: users, partner: partners })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare(),
);

/** The acting user, with the partner and roles every domain call checks. */
export function loadActor(db: Db, userId: string): Actor | null {
  const row = actorRow(db).get({ userId });
  if (!row) return null;
  return {
    userId: row.user.id,
    name: row.user.name,
    partnerId: row.partner.id,
    partnerName: row.partner.name,
    partnerType: row.partner.type,
    cloud: row.partner.cloud,
    roles: row.user.roles,
  };
}
