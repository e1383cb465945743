/** Every job kind's steps, by `kind`: the one table the worker and the main-thread fallback both run from. */
import type { Steps } from '../../core/engines/steps';
import { gradientFlowJobSteps } from './gradient-flow-job';
import type { Job } from './job';

/** The steps that compute `job` (the same functions in a worker and on the main thread). */
export function jobSteps(job: Job): Steps<unknown> {
  switch (job.kind) {
    case 'gradient-flow':
      return gradientFlowJobSteps(job);
  }
}
