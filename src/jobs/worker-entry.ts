/** Inside the worker: serves jobs on the worker's own port, yielding between slices through a MessageChannel. */
import { serveJobs, type JobPort } from '../blocks/jobs/host';
import type { SliceClock } from '../blocks/jobs/slices';

/**
 * A clock whose turns are MessageChannel messages: unlike nested timers, they are never clamped to 4 ms, so a
 * job's slices follow each other at once unless a message (a cancel, another job) is waiting.
 */
function channelClock(): SliceClock {
  const channel = new MessageChannel();
  const queued = new Map<number, () => void>();
  let next = 0;
  channel.port1.onmessage = (event: MessageEvent<number>) => {
    const fn = queued.get(event.data);
    queued.delete(event.data);
    fn?.();
  };
  return {
    now: () => performance.now(),
    later: (fn) => {
      const id = next++;
      queued.set(id, fn);
      channel.port2.postMessage(id);
      return () => queued.delete(id);
    },
  };
}

/** The worker's entry (called by the worker source's prelude with the worker's global scope). */
export function serveJobsInWorker(scope: JobPort): void {
  serveJobs(scope, channelClock());
}
