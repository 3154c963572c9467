import { describe, expect, it } from "vitest";
import { AZURE_PORTAL_URL, type UnavailableReason } from "@/lib/subscriptions";
import { lineProblemText, unavailableReasonText } from "@/lib/unavailable-text";

// Issue 13: the domain gives why an offer can't be bought as a code; the words are Catalog.unavailable.<code>.
describe("unavailableReasonText", () => {
  const cases: [UnavailableReason, string, string][] = [
    [
      { code: "not_transactable", portalUrl: AZURE_PORTAL_URL },
      "This offer isn't transactable in Partner Center. Purchase and manage it in the Azure management portal.",
      "Det här erbjudandet kan inte köpas via Partner Center. Köp och hantera det i Azure-hanteringsportalen.",
    ],
    [{ code: "not_in_csp" }, "The publisher hasn't made this offer available through the CSP program.", "Utgivaren har inte gjort det här erbjudandet tillgängligt via CSP-programmet."],
    [{ code: "exclusive" }, "The publisher has made this offer exclusive to other CSP partners.", "Utgivaren har gjort det här erbjudandet exklusivt för andra CSP-partner."],
    [{ code: "country", country: "SE" }, "The publisher doesn't support the customer's billing country or region (Sweden).", "Utgivaren har inte stöd för kundens faktureringsland eller -region (Sverige)."],
    [
      { code: "cloud", cloud: "us_government" },
      "This offer is sold in another cloud (Microsoft Cloud for US Government), not in this partner's Partner Center.",
      "Det här erbjudandet säljs i ett annat moln (Microsoft Cloud for US Government), inte i den här partnerns Partner Center.",
    ],
    [{ code: "segment" }, "This offer isn't sold to this customer's segment.", "Det här erbjudandet säljs inte till den här kundens kundsegment."],
    [
      { code: "suspended", subscriptionId: "s" },
      "This customer's subscription to this offer is suspended. Reactivate it rather than purchase a new one.",
      "Kundens prenumeration på det här erbjudandet är pausad. Återaktivera den i stället för att köpa en ny.",
    ],
    [{ code: "one_per_customer", subscriptionId: "s" }, "The customer already has a subscription to this offer and is only allowed one.", "Kunden har redan en prenumeration på det här erbjudandet och får bara ha en."],
  ];

  it.each(cases)("explains %o in English and Swedish", (reason, english, swedish) => {
    expect(unavailableReasonText("en-US", reason)).toBe(english);
    expect(unavailableReasonText("sv-SE", reason)).toBe(swedish);
  });

  it("covers every reason code", () => {
    expect(new Set(cases.map(([r]) => r.code)).size).toBe(8);
  });

  it("names the country and the other cloud in the reader's language", () => {
    expect(unavailableReasonText("en-US", { code: "country", country: "GB" })).toContain("(United Kingdom)");
    expect(unavailableReasonText("sv-SE", { code: "country", country: "GB" })).toContain("(Storbritannien)");
    expect(unavailableReasonText("en-US", { code: "cloud", cloud: "commercial" })).toContain("(the commercial cloud)");
    expect(unavailableReasonText("sv-SE", { code: "cloud", cloud: "commercial" })).toContain("(det kommersiella molnet)");
  });
});

describe("lineProblemText", () => {
  it("words a line's availability reason, or its quantity or input problem (Validation)", () => {
    expect(lineProblemText("sv-SE", { reason: { code: "segment" } })).toBe("Det här erbjudandet säljs inte till den här kundens kundsegment.");
    expect(lineProblemText("en-US", { quantity: { key: "quantityFromTo", params: { min: 1, max: 300 } } })).toBe("Enter a quantity from 1 to 300.");
    expect(lineProblemText("en-US", { input: { key: "onePerCustomerInOrder" } })).toBe("This offer is limited to one subscription per customer, and the order already has one.");
  });
});
