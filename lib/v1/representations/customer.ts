import { z } from "zod";
import type { Customer } from "@/db/schema";
import { collectionSchema, link, linkSchema } from "./links";
import { describeField } from "../api-text";

/**
 * Partner Center's Customer resource ("Customer resources"), as far as this product's data has it:
 * the id doubles as the tenant id, the domain is the contact's email domain, the billing contact is
 * the customer's contact, and the default address has the billing country only.
 */
export const customerSchema = z.object({
  id: z.string(),
  companyProfile: z.object({
    tenantId: z.string(),
    domain: z.string(),
    companyName: z.string(),
    attributes: z.object({ objectType: z.literal("CustomerCompanyProfile") }),
  }),
  billingProfile: z.object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    companyName: z.string(),
    defaultAddress: z.object({ country: z.string().meta({ description: describeField("billingCountry") }) }),
    attributes: z.object({ objectType: z.literal("CustomerBillingProfile") }),
  }),
  relationshipToPartner: z.literal("reseller"),
  segment: z.string().meta({ description: describeField("customerSegment") }),
  links: z.object({ self: linkSchema }),
  attributes: z.object({ objectType: z.literal("Customer") }),
});
export type CustomerResource = z.infer<typeof customerSchema>;

export const customerCollectionSchema = collectionSchema(customerSchema);

export function customerResource(customer: Customer): CustomerResource {
  const [firstName, ...rest] = customer.contactName.trim().split(/\s+/);
  const domain = customer.contactEmail.split("@")[1] ?? "";
  return {
    id: customer.id,
    companyProfile: { tenantId: customer.id, domain, companyName: customer.name, attributes: { objectType: "CustomerCompanyProfile" } },
    billingProfile: {
      id: `${customer.id}-billing`,
      firstName: firstName ?? "",
      lastName: rest.join(" "),
      email: customer.contactEmail,
      companyName: customer.name,
      defaultAddress: { country: customer.billingCountry },
      attributes: { objectType: "CustomerBillingProfile" },
    },
    relationshipToPartner: "reseller",
    segment: customer.segment,
    links: { self: link(`/v1/customers/${encodeURIComponent(customer.id)}`) },
    attributes: { objectType: "Customer" },
  };
}
