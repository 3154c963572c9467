import type { Partner, User } from "@/db/schema";

/** The one password every demo account signs in with. */
export const DEMO_PASSWORD = "Partner-Demo-2026";

/** Seed users carry no hash: the seeder hashes DEMO_PASSWORD for each. */
export type DemoUser = Omit<User, "passwordHash" | "kind" | "locale">;

export const demoPartners: Pick<Partner, "id" | "name" | "type" | "cloud">[] = [
  { id: "contoso-partners", name: "Contoso Cloud Partners", type: "direct_bill", cloud: "commercial" },
  { id: "adventure-works", name: "Adventure Works Distribution", type: "indirect_provider", cloud: "commercial" },
  { id: "margies-travel", name: "Margie's Travel IT", type: "indirect_reseller", cloud: "commercial" },
  { id: "trey-research", name: "Trey Research Federal", type: "direct_bill", cloud: "us_government" },
  // The partner "Fourth Coffee POS" is exclusive to.
  { id: "fourth-coffee-partners", name: "Northwind Channel Partners", type: "direct_bill", cloud: "commercial" },
];

export const demoUsers: DemoUser[] = [
  // Contoso Cloud Partners: one account per role.
  {
    id: "contoso-global-admin",
    partnerId: "contoso-partners",
    email: "admin@contoso-partner.example",
    name: "Megan Bowen",
    roles: ["global_admin"],
  },
  {
    id: "contoso-admin-agent",
    partnerId: "contoso-partners",
    email: "adminagent@contoso-partner.example",
    name: "Alex Wilber",
    roles: ["admin_agent"],
  },
  {
    id: "contoso-billing-admin",
    partnerId: "contoso-partners",
    email: "billing@contoso-partner.example",
    name: "Diego Siciliani",
    roles: ["billing_admin"],
  },
  {
    id: "contoso-helpdesk-agent",
    partnerId: "contoso-partners",
    email: "helpdesk@contoso-partner.example",
    name: "Isaiah Langer",
    roles: ["helpdesk_agent"],
  },
  {
    id: "contoso-sales-agent",
    partnerId: "contoso-partners",
    email: "sales@contoso-partner.example",
    name: "Lynne Robbins",
    roles: ["sales_agent"],
  },
  // One global admin for every other partner.
  {
    id: "adventure-works-global-admin",
    partnerId: "adventure-works",
    email: "admin@adventure-works.example",
    name: "Adele Vance",
    roles: ["global_admin"],
  },
  {
    id: "margies-travel-global-admin",
    partnerId: "margies-travel",
    email: "admin@margies-travel.example",
    name: "Johanna Lorenz",
    roles: ["global_admin"],
  },
  {
    id: "trey-research-global-admin",
    partnerId: "trey-research",
    email: "admin@trey-research.example",
    name: "Lee Gu",
    roles: ["global_admin"],
  },
  {
    id: "northwind-channel-global-admin",
    partnerId: "fourth-coffee-partners",
    email: "admin@northwind-channel.example",
    name: "Nestor Wilke",
    roles: ["global_admin"],
  },
];
