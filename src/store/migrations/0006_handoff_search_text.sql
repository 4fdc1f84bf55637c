ALTER TABLE `handoffs` ADD `search_text` text;--> statement-breakpoint
CREATE INDEX `handoffs_search_text_missing` ON `handoffs` (`id`) WHERE "handoffs"."search_text" is null;