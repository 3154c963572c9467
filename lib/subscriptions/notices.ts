/**
 * What a change did, as a code with parameters rather than an English sentence (issue 13: the domain
 * says no prose). The page, the bulk result and the API say it in the reader's language (messages/
 * <locale>/Notices.json, rendered by lib/server/notices.ts). A date travels as an ISO instant under
 * `date` and is formatted for the reader's locale there; an offer's name is data, never translated.
 */
export type Notice =
  | { code: "subscription_reactivated" }
  | { code: "subscription_suspended"; params: { date: string } }
  | { code: "quantity_changed"; params: { quantity: number } }
  | { code: "quantity_scheduled"; params: { quantity: number; date: string } }
  | { code: "auto_renew_on" }
  | { code: "auto_renew_off"; params: { date: string } }
  | { code: "addon_bought"; params: { offer: string; quantity: number } }
  | { code: "addon_quantity_changed"; params: { offer: string; quantity: number } }
  | { code: "addon_quantity_scheduled"; params: { offer: string; quantity: number } }
  // Bulk changes: a row asked for what it already had, or a cancellation's outcome.
  | { code: "auto_renew_already_on" }
  | { code: "auto_renew_already_off" }
  | { code: "quantity_unchanged"; params: { quantity: number } }
  | { code: "cancellation_scheduled"; params: { date: string } }
  | { code: "subscription_cancelled" }
  | { code: "subscription_deprovisioned" };

export type NoticeCode = Notice["code"];
