import type { AppDatabase } from "@/db/client";

/** Rows per table that name one of the partners, their users or their customers. */
export function tenantRows(db: AppDatabase, partnerIds: string[]): Record<string, number> {
  const sqlite = db.$client;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
  const ids = JSON.stringify(partnerIds);
  const userIds = `SELECT id FROM users WHERE partner_id IN (SELECT value FROM json_each('${ids}'))`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info('${name}')`).all() as { name: string }[]).map((c) => c.name);
    const conditions: string[] = [];
    if (columns.includes("partner_id")) conditions.push(`partner_id IN (SELECT value FROM json_each('${ids}'))`);
    if (name === "partners") conditions.push(`id IN (SELECT value FROM json_each('${ids}'))`);
    if (columns.includes("user_id")) conditions.push(`user_id IN (${userIds})`);
    // Ids are prefixed with the sandbox id, so anything left behind still starts with it.
    for (const column of columns.filter((c) => c === "id" || c.endsWith("_id"))) {
      for (const prefix of new Set(partnerIds.map((p) => p.split(".")[0] + "."))) conditions.push(`CAST(${column} AS TEXT) LIKE '${prefix}%'`);
    }
    if (conditions.length === 0) continue;
    counts[name] = (sqlite.prepare(`SELECT count(*) AS n FROM "${name}" WHERE ${conditions.join(" OR ")}`).get() as { n: number }).n;
  }
  return counts;
}
