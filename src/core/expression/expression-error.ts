/** The one error type of the expression language: a problem code, the values it names, and a column. */
import type { Problem, ProblemCode } from '../result';

/** Limits that keep any note's definitions cheap to read and to evaluate. */
export const LIMITS = {
  /** Characters per definition. */
  length: 2000,
  /** Nesting depth of parentheses, calls and operators. */
  depth: 64,
  /** Definitions per block. */
  definitions: 16,
  /** Operations per evaluation, calls of other definitions included (a chain of definitions each calling the
   * previous twice would otherwise cost 2^16 per point). */
  cost: 4000,
} as const;

/** A mistake in a definition, at a 1-based `column` of `source`; turns into a `Problem` for the UI. */
export class ExpressionError extends Error {
  readonly code: ProblemCode;
  readonly args: Record<string, string | number>;
  readonly column: number;
  /** The definition the column refers to, when it is not the one being read (a called definition). */
  source?: string;

  constructor(code: ProblemCode, column: number, args: Record<string, string | number> = {}) {
    super(`${code} at column ${column}`);
    this.name = 'ExpressionError';
    this.code = code;
    this.column = column;
    this.args = args;
  }

  /** The problem for `source`, with the column and the text the caret goes under. */
  toProblem(source: string): Problem {
    return { code: this.code, args: { ...this.args, column: this.column, source: this.source ?? source } };
  }
}
