/**
 * Notices when the process that started the bot has gone (issue 12, item 1). `npm start`
 * execs node in place of its shell, so a signal sent to npm is forwarded to the bot; but if
 * the launcher itself is killed outright (SIGKILL, a crashed wrapper, an older npm that exits
 * without forwarding), the bot is re-parented and would keep polling as a second, unmanaged
 * instance. Watching the parent id turns that into an ordinary clean stop.
 */

/** Options of {@link watchParent}. */
export interface ParentWatchOptions {
  /** Called once when the parent process is gone (the process was re-parented). */
  onOrphaned: (formerParent: number) => void;
  /** How often to look (default 500 ms). */
  intervalMs?: number;
  /** The current parent id; `process.ppid` by default (tests pass their own). */
  parentId?: () => number;
}

/**
 * Starts watching; returns a function that stops the watch. The timer does not keep the
 * process alive. A process started directly by init (parent id 1) is not watched.
 */
export function watchParent(options: ParentWatchOptions): () => void {
  const parentId = options.parentId ?? (() => process.ppid);
  const original = parentId();
  if (original <= 1) return () => {};
  const timer = setInterval(() => {
    if (parentId() === original) return;
    clearInterval(timer);
    options.onOrphaned(original);
  }, options.intervalMs ?? 500);
  timer.unref();
  return () => clearInterval(timer);
}
