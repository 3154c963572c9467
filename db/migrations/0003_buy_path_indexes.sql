CREATE INDEX `offer_segments_offer_idx` ON `offer_segments` (`offer_id`,`segment`);--> statement-breakpoint
CREATE INDEX `subscriptions_order_idx` ON `subscriptions` (`order_id`);