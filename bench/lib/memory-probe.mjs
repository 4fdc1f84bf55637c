// Preloaded into the server the memory benchmark starts (`node --expose-gc --import …`): on the
// benchmark's request over the IPC channel, a full collection, then the process's memory figures.
// Plain JavaScript, so the server runs with no TypeScript loader beside it, as `npm start` runs it.
process.channel?.unref();
process.on('message', (request) => {
  if (request !== 'sample') return;
  globalThis.gc();
  process.send(process.memoryUsage());
});
