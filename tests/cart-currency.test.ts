import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { offers } from "@/db/schema";
import { toCartView } from "@/lib/cart-view";
import { addToCart, getCart } from "@/lib/subscriptions";
import { CartPanel } from "@/components/CartPanel";
import { actorFor, clockAt, freshDb } from "./helpers";
import { renderWithIntl } from "./support/render-intl";

// Issue 10, item 13: "the cart panel hard-codes 'USD'. Use the offers' currency."
describe("the cart panel", () => {
  it("shows each line's prices and the total in the offer's currency", () => {
    const { db } = freshDb();
    const sales = actorFor(db, "contoso-sales-agent");
    db.update(offers).set({ currency: "EUR" }).where(eq(offers.id, "office-365-e1")).run();
    addToCart(db, sales, clockAt(), { customerId: "coho-winery", offerId: "office-365-e1", quantity: 3, billingFrequency: "monthly" });
    const view = toCartView(getCart(db, sales, "coho-winery"), "en-US");
    expect(view.items[0]).toMatchObject({ unitPriceMinor: 1200, lineTotalMinor: 3600, currency: "EUR" });

    const html = renderWithIntl(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(CartPanel, { customerId: "coho-winery", initialCart: view })));
    expect(html).toContain("€12.00 each");
    expect(html).toContain("€36.00");
    expect(html).not.toContain("$");
  });

  it("speaks Swedish with Swedish numbers, and words a line that can't be bought in that language", () => {
    const { db } = freshDb();
    const sales = actorFor(db, "contoso-sales-agent");
    addToCart(db, sales, clockAt(), { customerId: "coho-winery", offerId: "office-365-e1", quantity: 3, billingFrequency: "monthly" });
    // The customer's segment changes after the line was added: the cart says why it can't be bought now.
    db.$client.prepare("UPDATE customers SET segment = 'government' WHERE id = 'coho-winery'").run();
    const view = toCartView(getCart(db, sales, "coho-winery"), "sv-SE");
    const html = renderWithIntl(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(CartPanel, { customerId: "coho-winery", initialCart: view })), "sv-SE");
    expect(html).toContain("Kundvagn (1)");
    expect(html).toMatch(/Månadsvis · 12,00\s?US\$ styck/);
    expect(html).toContain("Det här erbjudandet säljs inte till den här kundens kundsegment.");
    expect(html).toContain(">Granska<");
  });

  it("shows no total, in any currency, while empty", () => {
    const html = renderWithIntl(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(CartPanel, { customerId: "coho-winery", initialCart: { items: [], totalMinor: 0, currency: "USD" } })));
    expect(html).toContain("Your cart is empty.");
    expect(html).not.toContain("$0.00");
  });
});
