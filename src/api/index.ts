/**
 * The public API other plugins and DataviewJS reach as `app.plugins.plugins["activation-lab"].api`.
 * Pure: it wraps the core and throws plain `Error`s with English messages for bad input.
 */
import { activationNames, bindActivation } from '../core/activations';
import type { Activation, ParamValue } from '../core/activations/types';
import type { Problem, Result } from '../core/result';
import { formatProblem } from '../i18n';

/** The version of this API; follows the plugin's version (checked against manifest.json in tests). */
export const API_VERSION = '0.1.0';

/** What `plugin.api` offers. New members may be added in minor versions; none is removed without a major one. */
export interface ActivationLabApi {
  /** This API's version, e.g. "0.1.0". */
  readonly version: string;
  /** Canonical torch.nn names of every supported activation. */
  activationNames(): string[];
  /**
   * An activation with defaults filled in, e.g. `activation('leaky_relu', { negative_slope: 0.2 })`.
   * Throws an Error naming the problem ("unknown activation 'sigmod' — did you mean Sigmoid?").
   */
  activation(name: string, params?: Record<string, ParamValue>): Activation;
}

/** Returns the value or throws an Error whose message is the problem in English. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(problemMessage(result.problem));
}

/** A problem as the API reports it: English, without a block line number. */
export function problemMessage(problem: Problem): string {
  const { line: _line, ...rest } = problem;
  return formatProblem(rest, 'en');
}

/** Builds the API object. */
export function createApi(): ActivationLabApi {
  return Object.freeze({
    version: API_VERSION,
    activationNames: () => activationNames(),
    activation: (name: string, params: Record<string, ParamValue> = {}) => {
      if (typeof name !== 'string') throw new TypeError('activation(name, params): name must be a string');
      return unwrap(bindActivation(name, params));
    },
  });
}
