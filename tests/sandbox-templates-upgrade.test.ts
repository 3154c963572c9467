import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sandboxTemplates, SANDBOX_KINDS } from "@/db/schema";
import { addSandboxTemplates } from "@/db/seed";
import { createSandbox, hasSandboxTemplates, newSandboxPassword, sandboxSettingsFromEnv, TEMPLATE_PARTNERS } from "@/lib/sandboxes";
import { deleteTenants } from "@/lib/sandboxes/copy";
import { templatePrefix } from "@/lib/sandboxes/templates";
import { DAY_MS } from "@/lib/subscriptions";
import { freshDb, SEED_NOW } from "./helpers";
import { tenantRows } from "./support/tenant-rows";

const templateIds = () => SANDBOX_KINDS.flatMap((kind) => TEMPLATE_PARTNERS[kind].map((id) => templatePrefix(kind) + id));

describe("a database seeded before sandboxes existed (npm start's db:prepare)", () => {
  it("gets the templates of a fresh seed, not copies of its demo partners as use changed them", async () => {
    const reference = freshDb();
    const expected = tenantRows(reference.db, templateIds());

    const { db } = freshDb();
    // As before migration 0009's templates: none, and the demo partners changed by use.
    db.transaction((tx) => {
      deleteTenants(tx, templateIds());
      tx.run(sql`DELETE FROM ${sandboxTemplates}`);
    });
    db.$client.prepare("DELETE FROM cart_lines WHERE partner_id = 'contoso-partners'").run();
    db.$client.prepare("UPDATE customers SET name = 'Renamed by use' WHERE partner_id = 'contoso-partners'").run();
    expect(hasSandboxTemplates(db)).toBe(false);

    const later = new Date(SEED_NOW.getTime() + 3 * DAY_MS);
    await addSandboxTemplates(db, later);

    expect(hasSandboxTemplates(db)).toBe(true);
    expect(tenantRows(db, templateIds())).toEqual(expected);
    const names = db.$client.prepare("SELECT count(*) AS n FROM customers WHERE partner_id LIKE 'template.%' AND name = 'Renamed by use'").get() as { n: number };
    expect(names.n).toBe(0);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    expect((db.$client.pragma("database_list") as { name: string }[]).map((d) => d.name)).toEqual(["main"]);

    // And a sandbox starts from them.
    const settings = sandboxSettingsFromEnv({});
    const started = createSandbox(db, { kind: "indirect", address: "203.0.113.9", caller: { visitor: true }, settings, password: await newSandboxPassword() }, later);
    expect(started.partnerIds).toHaveLength(2);
  });
});
