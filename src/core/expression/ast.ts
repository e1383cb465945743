/** The small syntax tree the expression parser builds and the compiler, printer and kink finder walk. */

/** A binary arithmetic operator. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** A comparison, allowed only as the condition of `where`. */
export type CompareOp = '<' | '<=' | '>' | '>=';

/** A keyword argument of a call, e.g. `alpha=2` in `elu(x, alpha=2)`; `column` points at the keyword. */
export interface NamedArg {
  name: string;
  value: Expr;
  column: number;
}

/** One node of an expression; `column` (1-based) is where it starts in the definition's text. */
export type Expr =
  | { kind: 'num'; value: number; column: number }
  | { kind: 'str'; value: string; column: number }
  | { kind: 'name'; name: string; column: number }
  | { kind: 'neg'; arg: Expr; column: number }
  | { kind: 'bin'; op: BinaryOp; left: Expr; right: Expr; column: number }
  | { kind: 'cmp'; op: CompareOp; left: Expr; right: Expr; column: number }
  | { kind: 'call'; name: string; args: Expr[]; named: NamedArg[]; column: number };

/** A parameter of a definition with its default and an optional slider range (`beta=1 in [0, 5]`). */
export interface ParamDecl {
  name: string;
  default: number;
  range?: [number, number];
  column: number;
}

/** `name(x; p=1, q=0.5) = body`, or a bare expression (then `named` is false and `name` is the text). */
export interface Definition {
  name: string;
  named: boolean;
  params: ParamDecl[];
  body: Expr;
  /** The text it was parsed from, for error carets. */
  source: string;
}
