CREATE TABLE `partner_clocks` (
	`partner_id` text PRIMARY KEY NOT NULL,
	`offset_ms` integer DEFAULT 0 NOT NULL,
	`processed_until` integer,
	`move_from` integer,
	`move_to` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The one clock every partner shared becomes each partner's own, at the same date.
INSERT INTO `partner_clocks` (`partner_id`, `offset_ms`, `processed_until`) SELECT `partners`.`id`, `app_clock`.`offset_ms`, `app_clock`.`processed_until` FROM `partners` JOIN `app_clock` ON `app_clock`.`id` = 1;--> statement-breakpoint
DROP INDEX `subscriptions_term_end_idx`;--> statement-breakpoint
DROP INDEX `subscriptions_trial_idx`;--> statement-breakpoint
DROP INDEX `subscriptions_deletion_idx`;--> statement-breakpoint
CREATE INDEX `subscriptions_cancellation_idx` ON `subscriptions` (`partner_id`,`cancellation_scheduled_at`) WHERE cancellation_scheduled_at is not null and status in ('active', 'suspended');--> statement-breakpoint
CREATE INDEX `subscriptions_term_end_idx` ON `subscriptions` (`partner_id`,`status`,`term_end`);--> statement-breakpoint
CREATE INDEX `subscriptions_trial_idx` ON `subscriptions` (`partner_id`,`status`,`trial_ends_at`) WHERE trial_converted_at is null and trial_ends_at is not null;--> statement-breakpoint
CREATE INDEX `subscriptions_deletion_idx` ON `subscriptions` (`partner_id`,`status`,`deletion_at`) WHERE deletion_at is not null;--> statement-breakpoint
ALTER TABLE `app_clock` DROP COLUMN `offset_ms`;--> statement-breakpoint
ALTER TABLE `app_clock` DROP COLUMN `processed_until`;