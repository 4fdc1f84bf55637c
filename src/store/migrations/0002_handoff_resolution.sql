ALTER TABLE `handoffs` ADD `resolution` text;--> statement-breakpoint
-- Handoffs resolved before this column existed: the note each automatic ending left says which.
UPDATE `handoffs` SET `resolution` = CASE
  WHEN EXISTS (SELECT 1 FROM `handoff_notes` n WHERE n.`handoff_id` = `handoffs`.`id` AND n.`agent_id` IS NULL AND n.`text` LIKE 'Withdrawn by the customer%') THEN 'withdrawn'
  WHEN EXISTS (SELECT 1 FROM `handoff_notes` n WHERE n.`handoff_id` = `handoffs`.`id` AND n.`agent_id` IS NULL AND n.`text` LIKE 'No message from either side%') THEN 'idle'
  ELSE 'agent'
END WHERE `status` = 'resolved';
