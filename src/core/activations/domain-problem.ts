/** Problems for parameter values that are numbers but outside what torch accepts. */
import type { Problem } from '../result';

/** `paramDomain`: one parameter breaks its rule, e.g. Softplus `beta` must be `> 0`. */
export function domainProblem(activation: string, param: string, value: number | string, allowed: string): Problem {
  return { code: 'paramDomain', args: { activation, param, value, allowed } };
}

/** `paramRelation`: two parameters break a rule together, e.g. Hardtanh `min_val < max_val`. */
export function relationProblem(activation: string, rule: string, value: string): Problem {
  return { code: 'paramRelation', args: { activation, rule, value } };
}
