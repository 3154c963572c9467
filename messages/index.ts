// Every word the user sees, per language: one JSON file per namespace (an area of the product), so
// translators and engineers edit different files. en-US is the reference; sv-SE must have the same keys
// (typed here, and tests/messages.test.ts checks extra keys and ICU arguments both ways).
import type { Locale } from "@/i18n/locales";
import enCommon from "./en-US/Common.json";
import enLabels from "./en-US/Labels.json";
import enHeader from "./en-US/Header.json";
import enSignIn from "./en-US/SignIn.json";
import enSandbox from "./en-US/Sandbox.json";
import enDemoClock from "./en-US/DemoClock.json";
import enCustomers from "./en-US/Customers.json";
import enCustomer from "./en-US/Customer.json";
import enOrders from "./en-US/Orders.json";
import enCatalog from "./en-US/Catalog.json";
import enCart from "./en-US/Cart.json";
import enSubscription from "./en-US/Subscription.json";
import enNotices from "./en-US/Notices.json";
import enActivity from "./en-US/Activity.json";
import enRenewals from "./en-US/Renewals.json";
import enBulk from "./en-US/Bulk.json";
import enHome from "./en-US/Home.json";
import enApps from "./en-US/Apps.json";
import enApiReference from "./en-US/ApiReference.json";
import enErrors from "./en-US/Errors.json";
import enValidation from "./en-US/Validation.json";
import svCommon from "./sv-SE/Common.json";
import svLabels from "./sv-SE/Labels.json";
import svHeader from "./sv-SE/Header.json";
import svSignIn from "./sv-SE/SignIn.json";
import svSandbox from "./sv-SE/Sandbox.json";
import svDemoClock from "./sv-SE/DemoClock.json";
import svCustomers from "./sv-SE/Customers.json";
import svCustomer from "./sv-SE/Customer.json";
import svOrders from "./sv-SE/Orders.json";
import svCatalog from "./sv-SE/Catalog.json";
import svCart from "./sv-SE/Cart.json";
import svSubscription from "./sv-SE/Subscription.json";
import svNotices from "./sv-SE/Notices.json";
import svActivity from "./sv-SE/Activity.json";
import svRenewals from "./sv-SE/Renewals.json";
import svBulk from "./sv-SE/Bulk.json";
import svHome from "./sv-SE/Home.json";
import svApps from "./sv-SE/Apps.json";
import svApiReference from "./sv-SE/ApiReference.json";
import svErrors from "./sv-SE/Errors.json";
import svValidation from "./sv-SE/Validation.json";

const en = {
  Common: enCommon,
  Labels: enLabels,
  Header: enHeader,
  SignIn: enSignIn,
  Sandbox: enSandbox,
  DemoClock: enDemoClock,
  Customers: enCustomers,
  Customer: enCustomer,
  Orders: enOrders,
  Catalog: enCatalog,
  Cart: enCart,
  Subscription: enSubscription,
  Notices: enNotices,
  Activity: enActivity,
  Renewals: enRenewals,
  Bulk: enBulk,
  Home: enHome,
  Apps: enApps,
  ApiReference: enApiReference,
  Errors: enErrors,
  Validation: enValidation,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

const sv: Messages = {
  Common: svCommon,
  Labels: svLabels,
  Header: svHeader,
  SignIn: svSignIn,
  Sandbox: svSandbox,
  DemoClock: svDemoClock,
  Customers: svCustomers,
  Customer: svCustomer,
  Orders: svOrders,
  Catalog: svCatalog,
  Cart: svCart,
  Subscription: svSubscription,
  Notices: svNotices,
  Activity: svActivity,
  Renewals: svRenewals,
  Bulk: svBulk,
  Home: svHome,
  Apps: svApps,
  ApiReference: svApiReference,
  Errors: svErrors,
  Validation: svValidation,
};

export const MESSAGES: Record<Locale, Messages> = { "en-US": en, "sv-SE": sv };

/**
 * The namespaces client components use: only these travel to the browser with each page (the rest
 * are rendered on the server), which keeps every page's payload small. tests/messages.test.ts fails
 * when a client component uses a namespace missing here.
 */
export const CLIENT_NAMESPACES = ["Common", "Labels", "Header", "Validation", "Apps", "Subscription", "DemoClock", "Customers", "Cart", "Bulk"] as const satisfies readonly Namespace[];

type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;

const pickClient = (all: Messages) => Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as ClientMessages;

// Picked once per language, not on every page request.
const CLIENT_MESSAGES: Record<Locale, ClientMessages> = { "en-US": pickClient(en), "sv-SE": pickClient(sv) };

export const clientMessages = (locale: Locale): ClientMessages => CLIENT_MESSAGES[locale];
