/**
 * Dual-number closures for arithmetic: each node has a value closure `v(x)` and a dual closure `d(x)` that
 * returns the value and leaves df/dx in a register shared by the nodes of one compiled function. Constant
 * subtrees carry `constant` and contribute no derivative term (as in torch, where constants have no gradient).
 */
import type { Switch } from './kinks';

/** The register a compiled function's dual closures leave df/dx in. */
export interface Register {
  t: number;
}

/** One compiled node. */
export interface Node {
  /** Set when the subtree does not depend on x. */
  constant?: number;
  /** Set on x itself, so an operation on it reads x rather than calling its closure. */
  isX?: true;
  v: (x: number) => number;
  d: (x: number) => number;
}

/** A node that does not depend on x. */
export function constant(c: number, reg: Register): Node {
  return { constant: c, v: () => c, d: () => ((reg.t = 0), c) };
}

/** −a. */
export function negNode(arg: Node, reg: Register): Node {
  if (arg.constant !== undefined) return constant(-arg.constant, reg);
  return {
    v: (x) => -arg.v(x),
    d: (x) => {
      const a = arg.d(x);
      reg.t = -reg.t;
      return -a;
    },
  };
}

/** a^b: torch's pow backward for the base and, when the exponent depends on x, for the exponent. */
export function powNode(a: Node, b: Node, reg: Register): Node {
  if (b.constant !== undefined) {
    const p = b.constant;
    // torch: exponent·a^(exponent−1), and exactly 0 when the exponent is 0.
    return {
      v: (x) => Math.pow(a.v(x), p),
      d: (x) => {
        const u = a.d(x);
        reg.t = p === 0 ? 0 : p * Math.pow(u, p - 1) * reg.t;
        return Math.pow(u, p);
      },
    };
  }
  return {
    v: (x) => Math.pow(a.v(x), b.v(x)),
    d: (x) => {
      const u = a.d(x);
      const du = reg.t;
      const w = b.d(x);
      const dw = reg.t;
      const y = Math.pow(u, w);
      // torch masks the exponent's term where the base is 0 and the exponent ≥ 0.
      const exponentTerm = u === 0 && w >= 0 ? 0 : y * Math.log(u) * dw;
      reg.t = (a.constant !== undefined ? 0 : w === 0 ? 0 : w * Math.pow(u, w - 1) * du) + exponentTerm;
      return y;
    },
  };
}

/**
 * Operators compiled here: sums are sumNode's (compile.ts), which keeps a long chain flat; `-` remains for the
 * switches' a − b.
 */
export type BinaryOp = '-' | '*' | '/' | '^';

/** The value closure of a − b, a·b or a/b: a constant side is a captured number, not a call per evaluation. */
function binaryValue(op: Exclude<BinaryOp, '^'>, a: Node, b: Node): (x: number) => number {
  const av = a.v;
  const bv = b.v;
  const p = a.constant;
  const q = b.constant;
  if (p !== undefined && b.isX) return op === '-' ? (x) => p - x : op === '*' ? (x) => p * x : (x) => p / x;
  if (q !== undefined && a.isX) return op === '-' ? (x) => x - q : op === '*' ? (x) => x * q : (x) => x / q;
  if (p !== undefined) return op === '-' ? (x) => p - bv(x) : op === '*' ? (x) => p * bv(x) : (x) => p / bv(x);
  if (q !== undefined) return op === '-' ? (x) => av(x) - q : op === '*' ? (x) => av(x) * q : (x) => av(x) / q;
  return op === '-' ? (x) => av(x) - bv(x) : op === '*' ? (x) => av(x) * bv(x) : (x) => av(x) / bv(x);
}

/** a − b, a·b, a/b and a^b, folded when both are constant. */
export function binaryNode(op: BinaryOp, a: Node, b: Node, reg: Register): Node {
  if (a.constant !== undefined && b.constant !== undefined) {
    const p = a.constant;
    const q = b.constant;
    return constant(op === '-' ? p - q : op === '*' ? p * q : op === '/' ? p / q : Math.pow(p, q), reg);
  }
  if (op === '^') return powNode(a, b, reg);
  // One closure body per operator (no shared combine callback), so each stays monomorphic and cheap to call.
  const ad = a.d;
  const bd = b.d;
  switch (op) {
    case '-':
      return {
        v: binaryValue(op, a, b),
        d: (x) => {
          const u = ad(x);
          const du = reg.t;
          const w = bd(x);
          reg.t = du - reg.t;
          return u - w;
        },
      };
    case '*':
      return {
        v: binaryValue(op, a, b),
        d: (x) => {
          const u = ad(x);
          const du = reg.t;
          const w = bd(x);
          // A constant factor contributes no term: c·g′, not c·g′ + 0·g (which is NaN where g is infinite).
          reg.t = a.constant !== undefined ? u * reg.t : b.constant !== undefined ? du * w : du * w + u * reg.t;
          return u * w;
        },
      };
    default:
      return {
        v: binaryValue(op, a, b),
        d: (x) => {
          const u = ad(x);
          const du = reg.t;
          const w = bd(x);
          const dw = reg.t;
          reg.t =
            b.constant !== undefined
              ? du / w
              : a.constant !== undefined
                ? (-dw * u) / (w * w)
                : du / w - (dw * u) / (w * w);
          return u / w;
        },
      };
  }
}

/** f(g(x)) for a function known as value and derivative: chain rule f′(g)·g′. */
export function chain(
  arg: Node,
  f: (u: number) => number,
  df: (u: number, value: number) => number,
  reg: Register,
): Node {
  if (arg.constant !== undefined) return constant(f(arg.constant), reg);
  return {
    v: (x) => f(arg.v(x)),
    d: (x) => {
      const u = arg.d(x);
      const du = reg.t;
      const y = f(u);
      reg.t = df(u, y) * du;
      return y;
    },
  };
}

/** Where `a − b` changes sign the node switches formula: a kink, or a jump when `jump` says so there. */
export function switchOf(a: Node, b: Node, reg: Register, jump: (x: number) => boolean = () => false): Switch {
  const diff = binaryNode('-', a, b, reg);
  return { g: diff.v, dg: (x) => (diff.d(x), reg.t), jump };
}
