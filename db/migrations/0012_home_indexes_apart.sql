DROP INDEX `ledger_posted_idx`;--> statement-breakpoint
CREATE INDEX `ledger_posted_idx` ON `ledger_entries` (`partner_id`,`posted_at`,`currency`,`amount_minor`) WHERE posted_at is not null;--> statement-breakpoint
DROP INDEX `subscriptions_term_end_idx`;--> statement-breakpoint
CREATE INDEX `subscriptions_outlook_idx` ON `subscriptions` (`partner_id`,`status`,`term_end`,`base_subscription_id`,`auto_renew`,`trial_ends_at`,`trial_converted_at`,`cancellation_scheduled_at`,`deletion_at`,`scheduled_quantity`,`quantity`,`billing_frequency`,`offer_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_term_end_idx` ON `subscriptions` (`partner_id`,`status`,`term_end`,`base_subscription_id`);