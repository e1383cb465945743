/**
 * Errors as values. Core code never formats user-facing text: it returns a `Problem`
 * (a message code plus the offending values) and the UI formats it in the reader's
 * language via `src/i18n`. The public API formats problems in English and throws.
 */

/** Codes for every problem the core can report; each has an en and a zh message in src/i18n. */
export type ProblemCode =
  | 'unknownActivation' // args: name, suggestions
  | 'ownFunctionPositional' // args: name, example (the block's own function called with a positional value)
  | 'unknownParam' // args: activation, param, allowed, suggestions
  | 'paramNotNumber' // args: activation, param, value
  | 'paramChoice' // args: activation, param, value, allowed
  | 'paramDomain' // args: activation, param, value, allowed (a human rule such as "> 0")
  | 'paramRelation' // args: activation, rule (e.g. "min_val < max_val"), value
  | 'paramRequired' // args: activation, param, signature (torch has no default, e.g. Threshold's threshold)
  | 'activationSyntax' // args: value, expected
  | 'unknownKey' // args: key, allowed, suggestions
  | 'duplicateKey' // args: key
  | 'missingKey' // args: key
  | 'notANumber' // args: key, value
  | 'notAnInteger' // args: key, value
  | 'outOfRange' // args: key, value, min, max
  | 'notABoolean' // args: key, value
  | 'badRange' // args: key, value (expects [a, b] with a < b, finite)
  | 'badChoice' // args: key, value, allowed, suggestions
  | 'syntax' // args: value, expected
  | 'emptyBlock' // args: allowed
  | 'tooLarge' // args: size, max
  | 'tooMuchMemory' // args: key, value, max, mb, limit (megabytes of weights and activations)
  | 'badLink' // args: value
  // Expression language (src/core/expression): every one also carries `column` and `source` (for the caret).
  | 'exprUnexpected' // args: found ('' at the end), expected
  | 'exprCharacter' // args: found
  | 'exprNumber' // args: value (overflows to infinity)
  | 'exprDepth' // args: max
  | 'exprLength' // args: length, max
  | 'exprComparison' // args: found (a comparison outside where's condition)
  | 'exprParamRange' // args: name, value, min, max
  | 'exprUnknownName' // args: name, suggestions
  | 'exprNeedsCall' // args: name (a function used without arguments)
  | 'exprNoKeywords' // args: name
  | 'exprArity' // args: name, expected, got
  | 'exprDependsOnX' // args: name (a parameter value that depends on x)
  | 'exprReservedName' // args: name (a definition or parameter named like x, a constant or a built-in)
  | 'exprDuplicateName' // args: name
  | 'exprCycle' // args: name, chain
  | 'exprTooMany' // args: count, max
  | 'exprCost'; // args: cost, max

/** A problem found in user input: what is wrong, with the actual value, and (if known) the 1-based line. */
export interface Problem {
  code: ProblemCode;
  /** 1-based line inside the code block, when the problem comes from a block. */
  line?: number;
  /** The values the message names: offending value, allowed values, suggestions, … */
  args: Record<string, string | number>;
}

/** Either a value or the problem that prevented it (`problems`, when present, lists every one, `problem` first). */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem; problems?: Problem[] };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a problem as a failed result. */
export function fail<T = never>(code: ProblemCode, args: Problem['args'], line?: number): Result<T> {
  return { ok: false, problem: line === undefined ? { code, args } : { code, args, line } };
}

/** A failure listing every problem, in line order (there must be at least one). */
export function failAll<T = never>(problems: readonly Problem[]): Result<T> {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: false, problem: sorted[0], problems: sorted };
}

/** Every problem of a failed result. */
export function problemsOf(result: { problem: Problem; problems?: Problem[] }): Problem[] {
  return result.problems ?? [result.problem];
}
