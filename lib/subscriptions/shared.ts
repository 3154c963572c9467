/**
 * Pure rules, labels and constants that the browser may use too (client components import this
 * entry, never the database-backed modules).
 */
export { AZURE_PORTAL_URL, type UnavailableReason } from "./availability";
export { licensesApply, quantityAtRenewal } from "./quantity";
export { cancellationWindowEnds, dataDeletionDate, dataRetentionDays, isCommercialMarketplace, isWithinRefundWindow, nextRenewalDate, renewalOutlook, type CancelOption, type RenewalOutlook } from "./rules";
export { termEndFrom, proRatedCharge, termCharge, unitPrice, allowedFrequencies } from "./pricing";
export { can } from "./permissions";
