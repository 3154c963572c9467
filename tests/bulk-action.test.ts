import { createElement } from "react";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/subscriptions";
import type { AppDatabase } from "@/db/client";
import { MESSAGES } from "@/messages";
import { renderWithIntl } from "./support/render-intl";
import { actorFor, buySubscription, clockAt, freshDb, stored, suspendSubscription } from "./helpers";

/**
 * **Apply to selected** (app/(dashboard)/bulk-actions.ts): every row's outcome comes back in words, in
 * the page's language (issue 13): a done row's notices, a refused row's reason. The session and the
 * partner's clock are stubbed; the language is the chosen cookie.
 */
const state = vi.hoisted(() => ({ db: null as unknown as AppDatabase, actor: null as unknown as Actor, locale: "en-US" }));
vi.mock("@/db", () => ({ getDb: () => state.db }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "locale" ? { name, value: state.locale } : undefined) }),
  headers: async () => new Headers(),
}));
// revalidatePath needs Next's request store; outside a request there is nothing to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/server/context", () => ({ currentActor: async () => state.actor, getClock: () => clockAt() }));

const { applyBulkChangeAction } = await import("@/app/(dashboard)/bulk-actions");
const { BulkChangeForm } = await import("@/components/BulkChangeForm");
const { SelectAllRows } = await import("@/components/SelectAllRows");

/** Two rows: one already suspended (refused), one active (suspended now). */
function setup() {
  const { db } = freshDb();
  const admin = actorFor(db, "contoso-global-admin");
  const clock = clockAt();
  const buy = (offerId: string) => buySubscription(db, admin, clock, { customerId: "tailwind-traders", offerId, quantity: 2 });
  const suspended = suspendSubscription(db, admin, clock, buy("office-365-e1").id);
  const active = buy("northwind-crm-connect");
  state.db = db;
  state.actor = actorFor(db, "contoso-helpdesk-agent");
  const form = new FormData();
  form.append("change", "suspend");
  for (const s of [suspended, active]) form.append("subscriptionId", `${s.id}@${stored(db, s.id).version}`);
  return { form, suspended, active };
}

describe("the bulk change action", () => {
  it.each([
    ["en-US", "Only an active subscription can be suspended.", /^Subscription suspended\. Its data will be deleted on [A-Z][a-z]{2} \d{1,2}, \d{4} unless it is reactivated\.$/],
    ["sv-SE", MESSAGES["sv-SE"].Validation.suspendActiveOnly, /^Prenumerationen har pausats\. Dess data tas bort \d{1,2} [a-z]{3,4}\.? \d{4} om den inte återaktiveras\.$/],
  ])("in %s: the counts, and each row done or refused in words", async (locale, refusal, done) => {
    state.locale = locale;
    const { form, suspended, active } = setup();
    const result = await applyBulkChangeAction(null, form);
    expect(result).toMatchObject({ ok: true, data: { done: 1, refused: 1 } });
    const rows = result.ok ? result.data!.rows : [];
    expect(rows.find((r) => r.subscriptionId === suspended.id)).toMatchObject({ outcome: "refused", offerName: "Office 365 E1", customerName: "Tailwind Traders", text: refusal });
    expect(rows.find((r) => r.subscriptionId === active.id)).toMatchObject({ outcome: "done", offerName: "Northwind CRM Connect", text: expect.stringMatching(done) });
  });
});

describe("the bulk change form", () => {
  const form = () => createElement("div", null, createElement(BulkChangeForm, { formId: "bulk", choices: ["suspend", "reactivate"], rowLabels: {}, maxRows: 100 }), createElement(SelectAllRows, { formId: "bulk" }));

  it("keeps its English words (the e2e suites find them)", () => {
    const html = renderWithIntl(form(), "en-US");
    for (const text of ["Change for selected", "Choose a change", ">Suspend<", ">Reactivate<", "Apply to selected", "Up to 100 subscriptions at a time.", "Select all on this page"]) expect(html).toContain(text);
  });

  it("in Swedish, only the role's choices", () => {
    const html = renderWithIntl(form(), "sv-SE");
    for (const text of ["Ändring för markerade", "Välj en ändring", ">Pausa<", ">Återaktivera<", "Tillämpa på markerade", "Upp till 100 prenumerationer åt gången.", "Markera alla på den här sidan"]) expect(html).toContain(text);
    expect(html).not.toContain("Ändra antal");
  });
});

it("says the counts with the language's plurals", () => {
  const en = createTranslator({ locale: "en-US", messages: MESSAGES["en-US"], namespace: "Bulk" });
  const sv = createTranslator({ locale: "sv-SE", messages: MESSAGES["sv-SE"], namespace: "Bulk" });
  expect(en("result", { done: 3, refused: 0 })).toBe("3 done, 0 refused");
  expect(en("result", { done: 1, refused: 1 })).toBe("1 done, 1 refused");
  expect(sv("result", { done: 1, refused: 1 })).toBe("1 klar, 1 nekad");
  expect(sv("result", { done: 3, refused: 0 })).toBe("3 klara, 0 nekade");
});
