DROP INDEX `customers_partner_name_idx`;--> statement-breakpoint
DROP INDEX `customers_partner_created_idx`;--> statement-breakpoint
DROP INDEX `customers_partner_country_idx`;--> statement-breakpoint
CREATE INDEX `customers_partner_segment_idx` ON `customers` (`partner_id`,`segment`,`id`);--> statement-breakpoint
CREATE INDEX `customers_partner_name_idx` ON `customers` (`partner_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `customers_partner_created_idx` ON `customers` (`partner_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_partner_country_idx` ON `customers` (`partner_id`,`billing_country`,`id`);--> statement-breakpoint
DROP INDEX `activity_subscription_idx`;--> statement-breakpoint
CREATE INDEX `activity_customer_idx` ON `activity_log` (`partner_id`,`customer_id`,`at`);--> statement-breakpoint
CREATE INDEX `activity_user_idx` ON `activity_log` (`partner_id`,`actor_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `activity_action_idx` ON `activity_log` (`partner_id`,`action`,`at`);--> statement-breakpoint
CREATE INDEX `activity_subscription_idx` ON `activity_log` (`partner_id`,`subscription_id`,`at`);--> statement-breakpoint
CREATE INDEX `subscriptions_customer_offer_idx` ON `subscriptions` (`partner_id`,`customer_id`,`offer_id`,`ordered_at`,`id`);