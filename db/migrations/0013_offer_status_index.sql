DROP INDEX `subscriptions_offer_idx`;--> statement-breakpoint
CREATE INDEX `subscriptions_offer_status_idx` ON `subscriptions` (`partner_id`,`customer_id`,`offer_id`,`status`);