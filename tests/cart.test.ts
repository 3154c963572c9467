import { describe, expect, it } from "vitest";
import { addToCart, getCart, removeCartLine, updateCartLineQuantity } from "@/lib/subscriptions";
import { actorFor, buySubscription, clockAt, expectRefused, freshDb } from "./helpers";

const CUSTOMER = "coho-winery";

function setup() {
  const { db } = freshDb();
  return { db, actor: actorFor(db, "contoso-sales-agent"), clock: clockAt() };
}

describe("addToCart", () => {
  it("adds a line priced from the catalog", () => {
    const { db, actor, clock } = setup();
    const line = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 3, billingFrequency: "monthly" });
    expect(line).toMatchObject({ partnerId: "contoso-partners", userId: "contoso-sales-agent", customerId: CUSTOMER, quantity: 3, addedAt: clock.now() });
    const cart = getCart(db, actor, CUSTOMER);
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]).toMatchObject({ unitPriceMinor: 1200, lineTotalMinor: 3600, problem: null });
    expect(cart).toMatchObject({ totalMinor: 3600, currency: "USD" });
  });

  it("merges the same offer at the same frequency into one line", () => {
    const { db, actor, clock } = setup();
    const first = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 3, billingFrequency: "monthly" });
    const merged = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 4, billingFrequency: "monthly" });
    expect(merged).toMatchObject({ id: first.id, quantity: 7 });
    clock.advance(1000);
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 2, billingFrequency: "annual" });
    expect(getCart(db, actor, CUSTOMER).items.map((i) => [i.line.billingFrequency, i.line.quantity])).toEqual([["monthly", 7], ["annual", 2]]);
  });

  it("keeps each user's cart apart", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 3, billingFrequency: "monthly" });
    expect(getCart(db, actorFor(db, "contoso-global-admin"), CUSTOMER).items).toEqual([]);
    expect(getCart(db, actor, "fabrikam").items).toEqual([]);
  });

  it.each([
    ["zero", 0],
    ["negative", -2],
    ["fractional", 1.5],
    ["over the maximum", 10001],
  ])("refuses a %s quantity, changing nothing", (_label, quantity) => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 1, billingFrequency: "monthly" });
    const error = expectRefused(db, "quantity:out_of_range", () => addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e3", quantity, billingFrequency: "monthly" }));
    expect(error.fieldErrors?.quantity).toHaveLength(1);
  });

  it("refuses a merge that would pass the maximum", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "alpine-ski-booking", quantity: 30, billingFrequency: "monthly" });
    expectRefused(db, "quantity:out_of_range", () => addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "alpine-ski-booking", quantity: 21, billingFrequency: "monthly" }));
    expect(addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "alpine-ski-booking", quantity: 20, billingFrequency: "monthly" }).quantity).toBe(50);
  });

  it("refuses a quantity below the offer's minimum", () => {
    const { db, actor, clock } = setup();
    expectRefused(db, "quantity:out_of_range", () => addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "adatum-compliance-suite", quantity: 4, billingFrequency: "monthly" }));
  });

  it("refuses licenses on a usage-based offer", () => {
    const { db, actor, clock } = setup();
    expectRefused(db, "quantity:out_of_range", () => addToCart(db, actor, clock, { customerId: "tailwind-traders", offerId: "azure-plan", quantity: 2, billingFrequency: "monthly" }));
  });

  it("refuses a frequency the offer has no price for", () => {
    const { db, actor, clock } = setup();
    const error = expectRefused(db, "invalid_input", () => addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "alpine-ski-booking", quantity: 1, billingFrequency: "annual" }));
    expect(error.detail).toEqual({ key: "frequencyNotOffered", params: { offer: "Alpine Ski Booking", frequency: "annual" } });
    expect(error.fieldErrors).toEqual({ billingFrequency: [{ key: "chooseAllowedFrequency" }] });
  });

  it.each([
    ["not sold through CSP", "fabrikam", "proseware-field-service"],
    ["exclusive to another partner", "fabrikam", "fourth-coffee-pos"],
    ["not sold in Sweden", "wingtip-toys", "adatum-compliance-suite"],
    ["one per customer, already owned", "wingtip-toys", "tailspin-secure-gateway"],
    ["suspended: reactivate instead", "fabrikam", "office-365-e3"],
    ["not transactable", "fabrikam", "litware-analytics-metered"],
    ["not for the customer's segment", "contoso-university", "office-365-e3"],
  ])("refuses an offer %s", (_label, customerId, offerId) => {
    const { db, actor, clock } = setup();
    expectRefused(db, "offer:unavailable", () => addToCart(db, actor, clock, { customerId, offerId, quantity: 5, billingFrequency: "monthly" }));
  });

  it("refuses a one-per-customer offer at a second frequency", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "tailspin-secure-gateway", quantity: 2, billingFrequency: "monthly" });
    expectRefused(db, "offer:unavailable", () => addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "tailspin-secure-gateway", quantity: 2, billingFrequency: "annual" }));
  });

  it("refuses add-ons, other clouds and other partners' customers", () => {
    const { db, actor, clock } = setup();
    expectRefused(db, "not_found:offer", () => addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "microsoft-365-e5-security", quantity: 1, billingFrequency: "monthly" }));
    expectRefused(db, "not_found:offer", () => addToCart(db, actor, clock, { customerId: "city-of-redmond", offerId: "office-365-g3-gcc-high", quantity: 1, billingFrequency: "monthly" }));
    expectRefused(db, "not_found:customer", () => addToCart(db, actor, clock, { customerId: "libertys-bakery", offerId: "office-365-e1", quantity: 1, billingFrequency: "monthly" }));
  });
});

describe("cart lines", () => {
  it("updates a line's quantity, and refuses bad ones", () => {
    const { db, actor, clock } = setup();
    const line = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "alpine-ski-booking", quantity: 2, billingFrequency: "monthly" });
    expect(updateCartLineQuantity(db, actor, { customerId: CUSTOMER, lineId: line.id, quantity: 9 }).quantity).toBe(9);
    for (const quantity of [0, -1, 2.5, 51]) {
      expectRefused(db, "quantity:out_of_range", () => updateCartLineQuantity(db, actor, { customerId: CUSTOMER, lineId: line.id, quantity }));
    }
    expect(getCart(db, actor, CUSTOMER).items[0].line.quantity).toBe(9);
  });

  it("removes a line", () => {
    const { db, actor, clock } = setup();
    const keep = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 1, billingFrequency: "monthly" });
    clock.advance(1000);
    const drop = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "alpine-ski-booking", quantity: 2, billingFrequency: "monthly" });
    removeCartLine(db, actor, { customerId: CUSTOMER, lineId: drop.id });
    expect(getCart(db, actor, CUSTOMER).items.map((i) => i.line.id)).toEqual([keep.id]);
    expectRefused(db, "not_found:cart_line", () => removeCartLine(db, actor, { customerId: CUSTOMER, lineId: drop.id }));
  });

  it("hides other users' lines, and lines of another customer", () => {
    const { db, actor, clock } = setup();
    const line = addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "office-365-e1", quantity: 1, billingFrequency: "monthly" });
    const admin = actorFor(db, "contoso-global-admin");
    expectRefused(db, "not_found:cart_line", () => updateCartLineQuantity(db, admin, { customerId: CUSTOMER, lineId: line.id, quantity: 2 }));
    expectRefused(db, "not_found:cart_line", () => removeCartLine(db, admin, { customerId: CUSTOMER, lineId: line.id }));
    expectRefused(db, "not_found:cart_line", () => updateCartLineQuantity(db, actor, { customerId: "fabrikam", lineId: line.id, quantity: 2 }));
  });

  it("re-checks each line against today's rules", () => {
    const { db, actor, clock } = setup();
    addToCart(db, actor, clock, { customerId: CUSTOMER, offerId: "tailspin-secure-gateway", quantity: 2, billingFrequency: "monthly" });
    const bought = buySubscription(db, actorFor(db, "contoso-global-admin"), clock, { customerId: CUSTOMER, offerId: "tailspin-secure-gateway", quantity: 1 });
    expect(getCart(db, actor, CUSTOMER).items[0].problem).toEqual({ reason: { code: "one_per_customer", subscriptionId: bought.id } });
  });
});
