import type { V1Operation } from "../openapi-types";
import { operations as auth } from "./auth";
import { operations as customers } from "./customers";
import { operations as carts } from "./carts";
import { operations as demoClock } from "./demo-clock";
import { operations as docs } from "./docs";
import { operations as offers } from "./offers";
import { operations as sandboxes } from "./sandboxes";
import { operations as orders } from "./orders";
import { operations as subscriptions } from "./subscriptions";

/** A resource's operations, as the OpenAPI document tags them and the API reference groups them. */
export interface OperationGroup {
  name: string;
  description: string;
  operations: V1Operation[];
}

/** Every /v1 operation, by resource, in the order a script meets them. Add a resource module here. */
export const operationGroups: OperationGroup[] = [
  { name: "Authentication", description: "Tokens for the app+user and app-only flows.", operations: auth },
  { name: "Customers", description: "Partner Center's customers: the list (paged) and one customer's profile.", operations: customers },
  { name: "Offers", description: "Partner Center's offers for a market, and which offers one customer can buy (with the reason as a code when not).", operations: offers },
  { name: "Carts", description: "Partner Center's carts: create, update and check out a customer's purchase.", operations: carts },
  { name: "Orders", description: "Partner Center's orders: buy directly, and read a customer's orders with their subscriptions.", operations: orders },
  { name: "Subscriptions", description: "Partner Center's subscriptions: list, by order, add-ons, and PATCH to change quantity, suspend, reactivate, auto-renew or cancel (ETag / If-Match).", operations: subscriptions },
  { name: "Demo clock", description: "This product's own: move the partner's time to see renewals, conversions and deletion happen.", operations: demoClock },
  { name: "Sandboxes", description: "This product's own: partner tenants of their own for trainees, demos and test runs (create, reset, delete).", operations: sandboxes },
  { name: "API description", description: "This document, for code generators and API tools.", operations: docs },
];

export const operations: V1Operation[] = operationGroups.flatMap((group) => group.operations);
