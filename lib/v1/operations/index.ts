import type { GroupId } from "../api-text";
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

/**
 * A resource's operations, as the OpenAPI document tags them and the API reference groups them; its
 * name and description are messages (ApiReference.groups.<id>), and the id is the page's anchor.
 */
export interface OperationGroup {
  id: GroupId;
  operations: V1Operation[];
}

/** Every /v1 operation, by resource, in the order a script meets them. Add a resource module here. */
export const operationGroups: OperationGroup[] = [
  { id: "authentication", operations: auth },
  { id: "customers", operations: customers },
  { id: "offers", operations: offers },
  { id: "carts", operations: carts },
  { id: "orders", operations: orders },
  { id: "subscriptions", operations: subscriptions },
  { id: "demo-clock", operations: demoClock },
  { id: "sandboxes", operations: sandboxes },
  { id: "api-description", operations: docs },
];

export const operations: V1Operation[] = operationGroups.flatMap((group) => group.operations);
