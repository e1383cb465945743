/**
 * A recursive-descent parser from a definition's text to the syntax tree, with bounded length and depth.
 *   definition := name '(' 'x' [';' param {',' param}] ')' '=' expr  |  expr
 *   param      := name '=' number ['in' '[' number ',' number ']']
 *   expr       := term {('+' | '-') term}          term  := unary {('*' | '/') unary}
 *   unary      := ('-' | '+') unary | power         power := atom ['^' unary]   (right-associative; -x^2 = -(x^2))
 *   atom       := number | name | name '(' args ')' | '(' expr ')'
 *   args       := arg {',' arg},  arg := expr | name '=' (expr | string);  where's first arg: expr cmp expr
 */
import type { CompareOp, Definition, Expr, NamedArg, ParamDecl } from './ast';
import { ExpressionError, LIMITS } from './expression-error';
import { tokenize, type Token } from './lexer';

const COMPARE = ['<', '<=', '>', '>='];

class Parser {
  private i = 0;
  private depth = 0;

  /** The current token (the parser asks about it several times per token, so it is kept at hand). */
  private tok: Token;

  constructor(private readonly tokens: Token[]) {
    this.tok = tokens[0];
  }

  peek(offset = 0): Token {
    return offset === 0 ? this.tok : this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const t = this.tok;
    if (t.kind !== 'end') this.tok = this.tokens[++this.i];
    return t;
  }

  isOp(text: string, offset = 0): boolean {
    const t = offset === 0 ? this.tok : this.peek(offset);
    return t.kind === 'op' && t.text === text;
  }

  /** Throws "expected …, found …" at the current token. */
  fail(expected: string): never {
    const t = this.peek();
    throw new ExpressionError('exprUnexpected', t.column, {
      found: t.kind === 'end' ? '' : t.kind === 'str' ? `'${t.text}'` : t.text,
      expected,
    });
  }

  expectOp(text: string, expected = text): Token {
    if (!this.isOp(text)) this.fail(expected);
    return this.next();
  }

  /** Enters one level of nesting; the limit keeps hostile input from exhausting the stack. */
  enter(column: number): void {
    if (++this.depth > LIMITS.depth) throw new ExpressionError('exprDepth', column, { max: LIMITS.depth });
  }

  expr(): Expr {
    const sum = this.additive();
    if (this.tok.kind === 'op' && COMPARE.includes(this.tok.text))
      throw new ExpressionError('exprComparison', this.peek().column, { found: this.peek().text });
    return sum;
  }

  /** `term {('+' | '-') term}`, without the comparison check (where's condition reads one after it). */
  additive(): Expr {
    return this.leftAssociative(['+', '-'], () => this.term());
  }

  term(): Expr {
    return this.leftAssociative(['*', '/'], () => this.unary());
  }

  /** `operand {op operand}` for one level of left-associative operators; each operator counts as one nesting. */
  private leftAssociative(ops: readonly ('+' | '-' | '*' | '/')[], operand: () => Expr): Expr {
    let left = operand();
    for (let op = ops.find((o) => this.isOp(o)); op !== undefined; op = ops.find((o) => this.isOp(o))) {
      const token = this.next();
      this.enter(token.column);
      left = { kind: 'bin', op, left, right: operand(), column: left.column };
      this.depth--;
    }
    return left;
  }

  unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.next();
      this.enter(op.column);
      const arg = this.unary();
      this.depth--;
      return op.text === '-' ? { kind: 'neg', arg, column: op.column } : arg;
    }
    return this.power();
  }

  power(): Expr {
    const base = this.atom();
    if (!this.isOp('^')) return base;
    const op = this.next();
    this.enter(op.column);
    const exponent = this.unary();
    this.depth--;
    return { kind: 'bin', op: '^', left: base, right: exponent, column: base.column };
  }

  atom(): Expr {
    const t = this.peek();
    if (t.kind === 'num') {
      this.next();
      return { kind: 'num', value: t.value, column: t.column };
    }
    if (t.kind === 'name') {
      this.next();
      if (!this.isOp('(')) return { kind: 'name', name: t.text, column: t.column };
      return this.call(t);
    }
    if (this.isOp('(')) {
      this.next();
      this.enter(t.column);
      const inner = this.expr();
      this.expectOp(')');
      this.depth--;
      return inner;
    }
    return this.fail('operand');
  }

  call(name: Token): Expr {
    this.enter(name.column);
    this.next(); // (
    const args: Expr[] = [];
    const named: NamedArg[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        const k = this.peek();
        if (k.kind === 'name' && this.isOp('=', 1)) {
          this.next();
          this.next();
          const v = this.peek();
          const value: Expr =
            v.kind === 'str' ? (this.next(), { kind: 'str', value: v.text, column: v.column }) : this.expr();
          named.push({ name: k.text, value, column: k.column });
        } else {
          if (named.length > 0) this.fail('keywordArgument');
          args.push(name.text === 'where' && args.length === 0 ? this.condition() : this.expr());
        }
        if (this.isOp(')')) break;
        this.expectOp(',', "',' | ')'");
      }
    }
    this.next(); // )
    this.depth--;
    return { kind: 'call', name: name.text, args, named, column: name.column };
  }

  condition(): Expr {
    const left = this.additive();
    const op = this.peek();
    if (!(op.kind === 'op' && COMPARE.includes(op.text))) this.fail('comparison');
    this.next();
    const right = this.additive();
    return { kind: 'cmp', op: op.text as CompareOp, left, right, column: left.column };
  }

  signedNumber(): number {
    const negative = this.isOp('-') ? (this.next(), true) : (this.isOp('+') && this.next(), false);
    const t = this.peek();
    if (t.kind !== 'num') this.fail('number');
    this.next();
    return negative ? -t.value : t.value;
  }

  param(): ParamDecl {
    const t = this.peek();
    if (t.kind !== 'name') this.fail('paramName');
    this.next();
    this.expectOp('=', 'paramDefault');
    const decl: ParamDecl = { name: t.text, default: this.signedNumber(), column: t.column };
    const inWord = this.peek();
    if (inWord.kind === 'name' && inWord.text === 'in') {
      this.next();
      this.expectOp('[');
      const lo = this.signedNumber();
      this.expectOp(',');
      const hi = this.signedNumber();
      this.expectOp(']');
      if (!(lo < hi) || decl.default < lo || decl.default > hi) {
        throw new ExpressionError('exprParamRange', t.column, { name: t.text, value: decl.default, min: lo, max: hi });
      }
      decl.range = [lo, hi];
    }
    return decl;
  }

  definitionHead(): { name: Token; params: ParamDecl[] } {
    const name = this.next();
    this.expectOp('(');
    const v = this.peek();
    if (!(v.kind === 'name' && v.text === 'x')) this.fail('x');
    this.next();
    const params: ParamDecl[] = [];
    if (this.isOp(';')) {
      this.next();
      for (;;) {
        params.push(this.param());
        if (!this.isOp(',')) break;
        this.next();
      }
    }
    this.expectOp(')', params.length ? "',' | ')'" : "';' | ')'");
    this.expectOp('=');
    return { name, params };
  }

  end(): void {
    if (this.peek().kind !== 'end') this.fail(this.isOp(')') ? 'operator' : 'operatorOrEnd');
  }
}

/** True when the tokens start like `name(x` and hold an `=` outside parentheses: a definition, not an expression. */
function isDefinition(tokens: Token[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.kind !== 'op') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === '=' && depth === 0) return tokens[0].kind === 'name';
  }
  return false;
}

/** Parses `name(x; p=1) = expr` or a bare expression in x. Throws `ExpressionError` with the column of the mistake. */
export function parseDefinition(source: string): Definition {
  if (source.length > LIMITS.length)
    throw new ExpressionError('exprLength', LIMITS.length + 1, { length: source.length, max: LIMITS.length });
  const tokens = tokenize(source);
  const p = new Parser(tokens);
  if (tokens[0].kind === 'end') p.fail('operand');
  if (isDefinition(tokens)) {
    const { name, params } = p.definitionHead();
    const body = p.expr();
    p.end();
    return { name: name.text, named: true, params, body, source };
  }
  const body = p.expr();
  p.end();
  return { name: source.trim(), named: false, params: [], body, source };
}

/** Parses a bare expression only (no `name(x) =` head). */
export function parseExpression(source: string): Expr {
  if (source.length > LIMITS.length)
    throw new ExpressionError('exprLength', LIMITS.length + 1, { length: source.length, max: LIMITS.length });
  const p = new Parser(tokenize(source));
  const body = p.expr();
  p.end();
  return body;
}
