DROP INDEX `subscriptions_term_end_idx`;--> statement-breakpoint
DROP INDEX `subscriptions_trial_idx`;--> statement-breakpoint
DROP INDEX `subscriptions_deletion_idx`;--> statement-breakpoint
DROP INDEX `subscriptions_cancellation_idx`;--> statement-breakpoint
CREATE INDEX `subscriptions_term_end_idx` ON `subscriptions` (`partner_id`,`status`,`term_end`,`base_subscription_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_trial_idx` ON `subscriptions` (`partner_id`,`status`,`trial_ends_at`,`base_subscription_id`) WHERE trial_converted_at is null and trial_ends_at is not null;--> statement-breakpoint
CREATE INDEX `subscriptions_deletion_idx` ON `subscriptions` (`partner_id`,`status`,`deletion_at`,`base_subscription_id`) WHERE deletion_at is not null;--> statement-breakpoint
CREATE INDEX `subscriptions_cancellation_idx` ON `subscriptions` (`partner_id`,`cancellation_scheduled_at`,`base_subscription_id`) WHERE cancellation_scheduled_at is not null and status in ('active', 'suspended');