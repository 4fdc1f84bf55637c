CREATE INDEX `customers_user_id` ON `customers` (`user_id`);--> statement-breakpoint
CREATE INDEX `customers_parent_user_id` ON `customers` (`parent_user_id`);