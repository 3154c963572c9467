/** The Renewals list's choices, without the queries: the form schemas (client and server) import these. */
export const RENEWAL_WINDOWS = [30, 60, 90] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];
export const RENEWAL_KINDS = ["renews", "quantity_change", "expires", "trial_converts", "trial_ends", "cancellation", "deletion"] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];
/** The page's "kind of event" filter; `renews` includes the renewals that change quantity. */
export const RENEWAL_EVENT_FILTERS = ["renews", "quantity_change", "expires", "trial", "cancellation", "deletion"] as const;
export type RenewalEventFilter = (typeof RENEWAL_EVENT_FILTERS)[number];
// No sort by offer: no index orders a partner's subscriptions by offer, and at 250,000 it sorted
// most of the window for every page (0.9 s).
export const RENEWAL_SORTS = ["date", "customer"] as const;
export type RenewalSort = (typeof RENEWAL_SORTS)[number];
