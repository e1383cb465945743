/**
 * The worker's side of the job protocol: runs each job in slices (so a cancel or a newer job gets in between),
 * posting progress, the result, or the error. Pure: the port and the clock are given (a worker's, or a test's).
 */
import { jobSteps, ownedBuffers } from './index';
import { PROGRESS_MS, type Job } from './job';
import { runInSlices, type SliceClock } from './slices';

/** Main thread → worker. */
export type ToWorker = { type: 'run'; id: number; job: Job } | { type: 'cancel'; id: number };

/** Worker → main thread. `ready` comes once, when the worker has loaded. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'failed'; id: number; message: string };

/** The worker's message port, as far as the host uses it. */
export interface JobPort {
  /** `transfer`: buffers moved with the message (the sender's views of them become empty). */
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
}

/** Slices in the worker are longer than on the main thread: they only need to let cancels in. */
const WORKER_SLICE_MS = 40;

/** Serves jobs on `port` until the worker is terminated. */
export function serveJobs(port: JobPort, clock: SliceClock): void {
  const running = new Map<number, () => void>();
  port.addEventListener('message', ({ data }) => {
    if (data.type === 'cancel') {
      running.get(data.id)?.();
      running.delete(data.id);
      return;
    }
    const { id } = data;
    let handle;
    try {
      // Only a job with a progress bar reports its progress: a short one would only cost the main thread messages.
      const report = data.job.expectedMs > PROGRESS_MS;
      handle = runInSlices(jobSteps(data.job), clock, WORKER_SLICE_MS, (fraction) => {
        if (report) port.postMessage({ type: 'progress', id, fraction });
      });
    } catch (error) {
      port.postMessage({ type: 'failed', id, message: String(error) });
      return;
    }
    running.set(id, () => handle.cancel());
    handle.result.then(
      (result) => {
        running.delete(id);
        if (result !== null)
          port.postMessage({ type: 'done', id, result }, [...new Set(ownedBuffers(data.job, result))]);
      },
      (error: unknown) => {
        running.delete(id);
        port.postMessage({ type: 'failed', id, message: String(error) });
      },
    );
  });
  port.postMessage({ type: 'ready' });
}
