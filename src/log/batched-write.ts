/**
 * Log lines written during one event-loop turn go out in one write. Under load every webhook logs
 * two lines, and a write per line (synchronous for files and terminals in Node) cost as much as
 * storing the message. `flush` writes what is pending at once; call it before the process exits.
 */
export function batchedWrite(
  write: (chunk: string) => void,
  schedule: (run: () => void) => void,
): { line: (line: string) => void; flush: () => void } {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const chunk = `${pending.join('\n')}\n`;
    pending = [];
    write(chunk);
  };
  return {
    line(line) {
      if (pending.length === 0) schedule(flush);
      pending.push(line);
    },
    flush,
  };
}
