/** Reading a note's own definitions in tests: each must parse, and a refusal is read as code, column and arguments. */
import { ExpressionError, readDefinition, type Definition } from '../../src/core/expression';

/** `sources` read as definitions; a source that does not parse fails the test with its problem. */
export function definitions(sources: readonly string[]): Definition[] {
  return sources.map((s) => {
    const d = readDefinition(s);
    if (!d.ok) throw new Error(`${s}: ${JSON.stringify(d.problem)}`);
    return d.value;
  });
}

/** The ExpressionError `run` throws, as its code, column and arguments; anything else fails the test. */
export function expressionError(run: () => unknown): {
  code: string;
  column: number;
  args: Record<string, string | number>;
} {
  try {
    run();
  } catch (e) {
    if (e instanceof ExpressionError) return { code: e.code, column: e.column, args: e.args };
    throw e;
  }
  throw new Error('accepted');
}
