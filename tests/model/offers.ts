import type { Frequency } from "./calendar";

/**
 * The catalog facts the model needs, copied by hand from db/seed-data/offers.ts (the model reads no
 * domain code; tests/model/model-based.test.ts checks these against the seeded rows once per run).
 */
export interface ModelOffer {
  id: string;
  /** Microsoft offers can't be cancelled or opt out of renewal here; ISV (commercial marketplace) ones can. */
  isv: boolean;
  /** Price of one license for one term, in cents; null when the offer isn't sold at that frequency. */
  monthly: number | null;
  annual: number | null;
  trialDays: number;
  min: number;
  max: number;
  onePerCustomer: boolean;
  /** The add-ons a base of this offer may have. */
  addOns: string[];
}

const offer = (o: Partial<ModelOffer> & Pick<ModelOffer, "id" | "isv" | "monthly" | "annual" | "max">): ModelOffer => ({ trialDays: 0, min: 1, onePerCustomer: false, addOns: [], ...o });

export const OFFERS: Record<string, ModelOffer> = Object.fromEntries(
  [
    offer({ id: "office-365-e3", isv: false, monthly: 2760, annual: 27490, max: 10000, addOns: ["microsoft-365-e5-security", "extra-file-storage"] }),
    offer({ id: "microsoft-365-e5-security", isv: false, monthly: 1440, annual: 14342, max: 10000 }),
    offer({ id: "extra-file-storage", isv: false, monthly: 24, annual: 239, max: 50000 }),
    offer({ id: "contoso-backup-pro", isv: true, monthly: 1200, annual: 11952, max: 500, trialDays: 30, addOns: ["contoso-backup-pro-extended-retention"] }),
    offer({ id: "contoso-backup-pro-extended-retention", isv: true, monthly: 400, annual: 3984, max: 500 }),
    offer({ id: "northwind-crm-connect", isv: true, monthly: 1500, annual: 14940, max: 300 }),
    offer({ id: "alpine-ski-booking", isv: true, monthly: 2900, annual: null, max: 50, trialDays: 30 }),
    offer({ id: "wide-world-importers-logistics", isv: true, monthly: null, annual: 54000, min: 5, max: 500 }),
    offer({ id: "tailspin-secure-gateway", isv: true, monthly: 900, annual: 8964, max: 5000, onePerCustomer: true }),
  ].map((o) => [o.id, o]),
);

/** The offers sold through the catalog (Add to cart, Buy); add-ons are bought on their base's page. */
export const BASE_OFFERS = ["office-365-e3", "contoso-backup-pro", "northwind-crm-connect", "alpine-ski-booking", "wide-world-importers-logistics", "tailspin-secure-gateway"];

export function priceOf(o: ModelOffer, frequency: Frequency): number | null {
  return frequency === "annual" ? o.annual : o.monthly;
}
