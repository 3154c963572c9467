import { describe, expect, it } from "vitest";
import { AZURE_PORTAL_URL, isOfferAvailable, type AvailabilityContext } from "./availability";

type AvailabilityOffer = Parameters<typeof isOfferAvailable>[0];

const offer = (overrides: Partial<AvailabilityOffer> = {}): AvailabilityOffer => ({
  transactable: true,
  availableThroughCsp: true,
  exclusiveToPartnerIds: null,
  supportedCountries: null,
  onePerCustomer: false,
  managementPortalUrl: null,
  cloud: "commercial",
  ...overrides,
});

const context = (overrides: Partial<AvailabilityContext> = {}): AvailabilityContext => ({
  customer: { segment: "commercial", billingCountry: "US" },
  partner: { id: "contoso-partners", cloud: "commercial" },
  offerSegments: ["commercial", "nonprofit"],
  existing: [],
  ...overrides,
});

describe("isOfferAvailable", () => {
  it("is available when no rule applies", () => {
    expect(isOfferAvailable(offer(), context())).toBeNull();
  });

  it("refuses offers not transactable in Partner Center, pointing to their portal", () => {
    expect(isOfferAvailable(offer({ transactable: false, managementPortalUrl: "https://portal.example/" }), context())).toEqual({ code: "not_transactable", portalUrl: "https://portal.example/" });
    expect(isOfferAvailable(offer({ transactable: false }), context())).toEqual({ code: "not_transactable", portalUrl: AZURE_PORTAL_URL });
  });

  it("refuses offers the ISV keeps out of the CSP program", () => {
    expect(isOfferAvailable(offer({ availableThroughCsp: false }), context())).toEqual({ code: "not_in_csp" });
  });

  it("refuses offers exclusive to other partners, and allows the partners with access", () => {
    expect(isOfferAvailable(offer({ exclusiveToPartnerIds: ["fourth-coffee-partners"] }), context())).toEqual({ code: "exclusive" });
    expect(isOfferAvailable(offer({ exclusiveToPartnerIds: ["fourth-coffee-partners", "contoso-partners"] }), context())).toBeNull();
    expect(isOfferAvailable(offer({ exclusiveToPartnerIds: [] }), context())).toEqual({ code: "exclusive" });
  });

  it("gives a sandbox's copy of a partner that partner's exclusive offers, and no other's", () => {
    const sandboxed = (id: string) => context({ partner: { id, cloud: "commercial" } });
    expect(isOfferAvailable(offer({ exclusiveToPartnerIds: ["contoso-partners"] }), sandboxed("sbxab23cd45ef.contoso-partners"))).toBeNull();
    expect(isOfferAvailable(offer({ exclusiveToPartnerIds: ["fourth-coffee-partners"] }), sandboxed("sbxab23cd45ef.contoso-partners"))).toEqual({ code: "exclusive" });
    // Only the sandbox prefix is taken off: a template's copy, or another prefix, is another partner.
    expect(isOfferAvailable(offer({ exclusiveToPartnerIds: ["contoso-partners"] }), sandboxed("template.direct_bill.contoso-partners"))).toEqual({ code: "exclusive" });
    expect(isOfferAvailable(offer({ exclusiveToPartnerIds: ["contoso-partners"] }), sandboxed("other.contoso-partners"))).toEqual({ code: "exclusive" });
  });

  it("refuses customers billed in a country the ISV doesn't support", () => {
    const limited = offer({ supportedCountries: ["US", "GB"] });
    expect(isOfferAvailable(limited, context({ customer: { segment: "commercial", billingCountry: "SE" } }))).toEqual({ code: "country", country: "SE" });
    expect(isOfferAvailable(limited, context({ customer: { segment: "commercial", billingCountry: "GB" } }))).toBeNull();
  });

  it("refuses customers of another segment", () => {
    expect(isOfferAvailable(offer(), context({ customer: { segment: "education", billingCountry: "US" } }))).toEqual({ code: "segment" });
  });

  it("says an offer of another cloud is in another cloud, not another segment", () => {
    expect(isOfferAvailable(offer(), context({ partner: { id: "trey-research", cloud: "us_government" } }))).toEqual({ code: "cloud", cloud: "commercial" });
    expect(isOfferAvailable(offer({ cloud: "us_government" }), context())).toEqual({ code: "cloud", cloud: "us_government" });
    // Even where the segment would also refuse it: the cloud is the reason to give.
    expect(isOfferAvailable(offer({ cloud: "us_government" }), context({ offerSegments: [] }))).toEqual({ code: "cloud", cloud: "us_government" });
  });

  it("points to the suspended subscription to reactivate rather than buy again", () => {
    const existing = [{ id: "sub-old", status: "cancelled" as const }, { id: "sub-suspended", status: "suspended" as const }];
    expect(isOfferAvailable(offer(), context({ existing }))).toEqual({ code: "suspended", subscriptionId: "sub-suspended" });
  });

  it("allows one live subscription of a one-per-customer offer", () => {
    const live = [{ id: "sub-live", status: "active" as const }];
    expect(isOfferAvailable(offer({ onePerCustomer: true }), context({ existing: live }))).toEqual({ code: "one_per_customer", subscriptionId: "sub-live" });
    // Without the limit, a second subscription is fine.
    expect(isOfferAvailable(offer(), context({ existing: live }))).toBeNull();
    // Ended subscriptions don't count.
    const ended = (["cancelled", "expired", "deleted"] as const).map((status, i) => ({ id: `sub-${i}`, status }));
    expect(isOfferAvailable(offer({ onePerCustomer: true }), context({ existing: ended }))).toBeNull();
  });

  it("reports the first rule in the seed's order when several apply", () => {
    const everything = offer({ transactable: false, availableThroughCsp: false, exclusiveToPartnerIds: ["x"], supportedCountries: ["GB"], onePerCustomer: true });
    const ctx = context({ offerSegments: [], existing: [{ id: "s", status: "suspended" }] });
    expect(isOfferAvailable(everything, ctx)?.code).toBe("not_transactable");
    expect(isOfferAvailable({ ...everything, transactable: true }, ctx)?.code).toBe("not_in_csp");
    expect(isOfferAvailable({ ...everything, transactable: true, availableThroughCsp: true }, ctx)?.code).toBe("exclusive");
    expect(isOfferAvailable({ ...everything, transactable: true, availableThroughCsp: true, exclusiveToPartnerIds: null }, ctx)?.code).toBe("country");
    expect(isOfferAvailable({ ...everything, transactable: true, availableThroughCsp: true, exclusiveToPartnerIds: null, supportedCountries: null }, ctx)?.code).toBe("segment");
    const suspendedAndLive = context({ existing: [{ id: "a", status: "active" }, { id: "s", status: "suspended" }] });
    expect(isOfferAvailable(offer({ onePerCustomer: true }), suspendedAndLive)).toEqual({ code: "suspended", subscriptionId: "s" });
  });
});
