export * from './agents.js';
export * from './checkpoints.js';
export * from './conversations.js';
export * from './customers.js';
export * from './handoffs.js';
export * from './messages.js';
export * from './orders.js';
export * from './outbox.js';
