CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`queues` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_token_hash` ON `agents` (`token_hash`);--> statement-breakpoint
CREATE TABLE `checkpoint_blobs` (
	`thread_id` text NOT NULL,
	`checkpoint_ns` text DEFAULT '' NOT NULL,
	`channel` text NOT NULL,
	`version` text NOT NULL,
	`type` text NOT NULL,
	`blob` blob,
	PRIMARY KEY(`thread_id`, `checkpoint_ns`, `channel`, `version`)
);
--> statement-breakpoint
CREATE TABLE `checkpoint_writes` (
	`thread_id` text NOT NULL,
	`checkpoint_ns` text DEFAULT '' NOT NULL,
	`checkpoint_id` text NOT NULL,
	`task_id` text NOT NULL,
	`task_path` text DEFAULT '' NOT NULL,
	`idx` integer NOT NULL,
	`channel` text NOT NULL,
	`type` text NOT NULL,
	`value` blob NOT NULL,
	PRIMARY KEY(`thread_id`, `checkpoint_ns`, `checkpoint_id`, `task_id`, `idx`)
);
--> statement-breakpoint
CREATE TABLE `checkpoints` (
	`thread_id` text NOT NULL,
	`checkpoint_ns` text DEFAULT '' NOT NULL,
	`checkpoint_id` text NOT NULL,
	`parent_checkpoint_id` text,
	`type` text NOT NULL,
	`checkpoint` blob NOT NULL,
	`metadata` blob NOT NULL,
	PRIMARY KEY(`thread_id`, `checkpoint_ns`, `checkpoint_id`)
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`channel` text NOT NULL,
	`mode` text DEFAULT 'bot' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`handoff_id` text,
	`last_handoff_id` text,
	`frustration` real DEFAULT 0 NOT NULL,
	`last_intent` text,
	`csat_handoff_id` text,
	`turn` integer DEFAULT 0 NOT NULL,
	`last_message_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_customer_channel` ON `conversations` (`customer_id`,`channel`);--> statement-breakpoint
CREATE INDEX `conversations_mode` ON `conversations` (`mode`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`wa_id` text,
	`user_id` text,
	`parent_user_id` text,
	`name` text,
	`tier` text DEFAULT 'standard' NOT NULL,
	`language` text,
	`last_inbound_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_wa_id` ON `customers` (`wa_id`);--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`queue` text NOT NULL,
	`priority` text NOT NULL,
	`priority_rank` integer NOT NULL,
	`after_hours` integer NOT NULL,
	`packet` text NOT NULL,
	`assigned_agent_id` text,
	`sla_due_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`claimed_at` integer,
	`first_agent_reply_at` integer,
	`resolved_at` integer,
	`csat_status` text,
	`csat_score` integer,
	`sla_raised_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handoffs_status_queue` ON `handoffs` (`status`,`queue`);--> statement-breakpoint
CREATE INDEX `handoffs_conversation` ON `handoffs` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`direction` text NOT NULL,
	`author` text NOT NULL,
	`external_id` text,
	`type` text NOT NULL,
	`text` text,
	`payload` text,
	`status` text NOT NULL,
	`error_code` integer,
	`error` text,
	`sent_at` integer NOT NULL,
	`handoff_id` text,
	`knowledge_doc_id` text,
	`agent_id` text,
	`turn` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_external_id` ON `messages` (`external_id`);--> statement-breakpoint
CREATE INDEX `messages_conversation_sent` ON `messages` (`conversation_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `messages_pending` ON `messages` (`direction`,`status`);--> statement-breakpoint
CREATE TABLE `handoff_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`handoff_id` text NOT NULL,
	`agent_id` text,
	`text` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handoff_notes_handoff` ON `handoff_notes` (`handoff_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`status` text NOT NULL,
	`carrier` text,
	`tracking_url` text,
	`eta` text,
	`items` text,
	`total` real,
	`currency` text
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`conversation_id` text,
	`message_id` text,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_status_next` ON `outbox` (`status`,`next_attempt_at`);