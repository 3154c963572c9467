/**
 * The domain's front door for routes, actions and API handlers. It exports only commands and queries
 * that check the actor's role and partner themselves, plus pure rules and types. Internals that write
 * without a check (`updateRow`, `suspend`, `postCharge`, `clearCart`…) stay inside the module; system
 * processing (the lifecycle, the clock's plumbing) is in `./system`; what the browser may import is in
 * `./shared`. ESLint refuses deep imports from `app/` and `components/`.
 */
export { activityPage, listActivity, activityFilterOptions, ACTIVITY_PAGE_SIZE, type ActivityAction, type ActivityFilters, type ActivityPage, type ActivityRow } from "./activity";
export { createApiCart, getApiCart, updateApiCart, checkoutApiCart, CART_LIFETIME_MS, type ApiCartView, type ApiCartLineView, type ApiLineInput, type CheckoutResult, type OrderGroupError } from "./api-carts";
export { createApiOrder, getApiOrder, listApiOrders, type ApiOrder, type CreateApiOrderParams } from "./api-orders";
export { nextInvoice, CHARGE_DESCRIPTIONS, type ChargeDescription, type Invoice, type LedgerLine } from "./billing";
export { addToCart, getCart, removeCartLine, termDurationOf, updateCartLineQuantity, type AddToCartParams, type Cart, type CartItem, type LineProblem } from "./cart";
export { getCatalogOffer, listCatalog, type CatalogFilters, type CatalogOffer } from "./catalog";
export { cancelSubscription, submitSubscriptionChanges, type SubscriptionChanges } from "./changes";
export { fixedClock, DAY_MS, HOUR_MS, type Clock } from "./clock";
export { getCustomer, listCustomers, CUSTOMER_SORTS, MAX_PAGE_SIZE, PAGE_SIZE, type CursorPage, type CustomerSort, type ListCustomersParams, type Page } from "./customers";
export { clockStatus, isDemoData, moveDemoClock, moveClockTo, advanceClock, setClockDate, CLOCK_HORIZON_YEARS, type ClockMove, type ClockStatus, type PartnerClock } from "./demo-clock";
export { homeOutlook, licencesByPublisher, HOME_MONTHS, HOME_TOP_PUBLISHERS, HOME_WEEKS, type HomeOutlook, type LicencesByPublisher, type MonthCharges, type Money, type PublisherLicences, type RenewalWeek, type Tally, type TrialsThisMonth } from "./home";
export { getSubscriptionContext, type SubscriptionContext, type CancelDetails } from "./manage";
export { buy, getOrder, reviewOrder, setupLink, type BuyParams, type OrderConfirmation, type Review, type ReviewLine } from "./orders";
export { getOrderDetail, listOrders, type OrderCharges, type OrderDetail, type OrderDetailLine, type OrderLineCharges, type OrderListItem } from "./order-history";
export type { Notice, NoticeCode } from "./notices";
export { partnerCanBuy, partnerCanBuyAddOns, type Action, type Actor } from "./permissions";
export { getSubscriptionDetail, listAddOnSubscriptions, listOrderSubscriptions, listSubscriptions, type SubscriptionDetail, type SubscriptionListItem } from "./subscriptions";
export { listMarketOffers, type ListMarketOffersParams, type MarketOffer } from "./market";
export * from "./shared";
export { renewalsPage, renewalBatches, renewalWindowEnd, RENEWAL_WINDOWS, RENEWAL_KINDS, RENEWAL_EVENT_FILTERS, RENEWAL_SORTS, RENEWALS_PAGE_SIZE, type RenewalFilters, type RenewalKind, type RenewalRow, type RenewalsPage, type RenewalsParams, type RenewalEventFilter, type RenewalSort, type RenewalWindow } from "./renewals";
export { activityBatches, subscriptionBatches } from "./exports";
export { applyBulkChange, MAX_BULK_ROWS, type BulkChange, type BulkResult, type BulkRowResult, type BulkTarget } from "./bulk";
