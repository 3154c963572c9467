import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { cartLines } from "@/db/schema";
import type { AppDatabase } from "@/db/client";
import type { Locale } from "@/i18n/locales";
import { getCart, listCatalog } from "@/lib/subscriptions";
import { lineProblemText } from "@/lib/unavailable-text";
import { OfferCard } from "@/components/OfferCard";
import { actorFor, freshDb, SEED_NOW } from "./helpers";
import { renderWithIntl } from "./support/render-intl";

/** An offer's card in the customer's catalog, as the admin sees it. */
function card(db: AppDatabase, customerId: string, name: string, locale: Locale = "en-US"): string {
  const admin = actorFor(db, "contoso-global-admin");
  const item = listCatalog(db, admin, customerId, { q: name }).items.find((i) => i.offer.name === name)!;
  return renderWithIntl(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(OfferCard, { customerId, item, canAdd: true })), locale);
}

const LIMIT = "Limited to one subscription per customer.";

// Issue 10, item 8: "One-per-customer offers are not marked until one exists: show the limit on the
// offer card before the first purchase."
describe("a one-per-customer offer's card", () => {
  it("says so before the customer's first purchase, with Add to cart", () => {
    const { db } = freshDb();
    const html = card(db, "southridge-video", "Tailspin Secure Gateway");
    expect(html).toContain(LIMIT);
    expect(html).toContain("Add to cart");
  });

  it("once the customer has one, gives the reason instead, once", () => {
    const { db } = freshDb();
    const html = card(db, "fabrikam", "Tailspin Secure Gateway");
    expect(html).toContain("The customer already has a subscription to this offer and is only allowed one.");
    expect(html).not.toContain(LIMIT);
  });

  it("says the limit and the reason in Swedish", () => {
    const { db } = freshDb();
    const first = card(db, "southridge-video", "Tailspin Secure Gateway", "sv-SE");
    expect(first).toContain("Högst en prenumeration per kund.");
    expect(first).toContain("Lägg till i kundvagn");
    expect(card(db, "fabrikam", "Tailspin Secure Gateway", "sv-SE")).toContain("Kunden har redan en prenumeration på det här erbjudandet och får bara ha en.");
  });

  it("is not said of offers without the limit", () => {
    const { db } = freshDb();
    expect(card(db, "southridge-video", "Office 365 E3")).not.toContain(LIMIT);
  });
});

// Issue 10, item 12: "A subscription in another cloud shows the 'segment' message; say it is another cloud."
describe("an offer of another cloud", () => {
  it("is refused at the cart and Review as being in another cloud, not another segment", () => {
    const { db } = freshDb();
    const trey = actorFor(db, "trey-research-global-admin");
    // Trey Research sells in Microsoft Cloud for US Government; Office 365 E3 is a commercial-cloud offer
    // (its catalog never lists it: a line for it can only come from outside the catalog).
    db.insert(cartLines).values({ id: "line-other-cloud", partnerId: trey.partnerId, userId: trey.userId, customerId: "us-department-of-parks", offerId: "office-365-e3", quantity: 1, billingFrequency: "monthly", addedAt: SEED_NOW }).run();
    const [item] = getCart(db, trey, "us-department-of-parks").items;
    expect(item.problem).toEqual({ reason: { code: "cloud", cloud: "commercial" } });
    expect(lineProblemText("en-US", item.problem!)).toBe("This offer is sold in another cloud (the commercial cloud), not in this partner's Partner Center.");
  });
});
