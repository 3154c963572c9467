import { eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { partners, sandboxTemplates, SANDBOX_KINDS, type SandboxKind } from "@/db/schema";
import { copyTenants } from "./copy";

/** The demo partners each kind of sandbox is made from (db/seed-data/partners.ts). */
export const TEMPLATE_PARTNERS: Record<SandboxKind, string[]> = {
  direct_bill: ["contoso-partners"],
  // "indirect resellers cannot buy (their indirect provider orders)": the two come together.
  indirect: ["adventure-works", "margies-travel"],
  us_government: ["trey-research"],
};

/** A template's rows carry this before the demo ids: `template.direct_bill.fabrikam`. */
export const templatePrefix = (kind: SandboxKind) => `template.${kind}.`;

/** Matches no scrypt hash: nobody can sign in to a template (lib/auth/password.ts refuses it). */
const NO_PASSWORD = "!template";

/**
 * Makes the hidden template tenants from the freshly seeded demo partners, as they are at `seededAt`
 * (call in the seed's transaction, after the lifecycle ran up to `seededAt`). A template is never
 * signed in to nor processed, so every sandbox starts from the same data.
 */
export function createSandboxTemplates(db: Db, seededAt: Date): void {
  for (const kind of SANDBOX_KINDS) copyTemplate(db, kind, { fromSchema: "main", fromPrefix: "" }, seededAt);
}

/**
 * Copies the templates made by a fresh seed in another database file, attached to `db` as `fromSchema`
 * (call in a transaction): a database seeded before sandboxes existed gets them without a reset, and
 * without copying its demo partners as they are now, changed by whoever used them.
 */
export function copySandboxTemplates(db: Db, fromSchema: string, seededAt: Date): void {
  for (const kind of SANDBOX_KINDS) copyTemplate(db, kind, { fromSchema, fromPrefix: templatePrefix(kind) }, seededAt);
}

function copyTemplate(db: Db, kind: SandboxKind, from: { fromSchema: string; fromPrefix: string }, seededAt: Date): void {
  copyTenants(db, {
    ...from,
    partnerIds: TEMPLATE_PARTNERS[kind].map((id) => from.fromPrefix + id),
    toPrefix: templatePrefix(kind),
    shiftMs: 0,
    template: kind,
    sandboxId: null,
    emailTag: `template-${kind.replace(/_/g, "-")}`,
    passwordHash: NO_PASSWORD,
  });
  db.insert(sandboxTemplates).values({ kind, seededAt }).run();
}

export function templateOf(db: Db, kind: SandboxKind): { seededAt: Date; partnerIds: string[] } | null {
  const row = db.select().from(sandboxTemplates).where(eq(sandboxTemplates.kind, kind)).get();
  if (!row) return null;
  return { seededAt: row.seededAt, partnerIds: TEMPLATE_PARTNERS[kind].map((id) => templatePrefix(kind) + id) };
}

/** True when the templates exist (a database seeded before sandboxes existed has none). */
export function hasSandboxTemplates(db: Db): boolean {
  return db.select({ kind: partners.template }).from(partners).where(isNotNull(partners.template)).limit(1).get() !== undefined;
}
