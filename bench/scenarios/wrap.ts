/**
 * Timing wrappers for the profile scenario: replace a method or getter by a timed version for a while
 * (then undo), adding each call's duration to a running total. Nested calls are tracked, so a probe
 * can count only calls made inside (or outside) another probed call.
 */

/** Total ms per probe key. */
export type Totals = Map<string, number>;

/** Keys of the timed calls currently running, innermost last. */
export const running: string[] = [];

/**
 * Replaces `obj[name]` by a timed version adding to `totals[key]` (only when `when()` holds at the
 * call, e.g. "not inside Chart.js"); returns the undo.
 */
export function timeMethod(
  totals: Totals,
  obj: object,
  name: string,
  key: string,
  when: () => boolean = () => true,
): () => void {
  const target = obj as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(target, name);
  const original = target[name] as (...args: unknown[]) => unknown;
  target[name] = function (this: unknown, ...args: unknown[]) {
    if (!when()) return original.apply(this, args);
    const t0 = performance.now();
    running.push(key);
    try {
      return original.apply(this, args);
    } finally {
      running.pop();
      totals.set(key, (totals.get(key) ?? 0) + performance.now() - t0);
    }
  };
  return () => {
    if (had) target[name] = original;
    else delete target[name];
  };
}

/** Same for a getter on a prototype (clientWidth: the forced layouts it triggers). */
export function timeGetter(totals: Totals, proto: object, name: string, key: string, when: () => boolean): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
  const get = descriptor.get as () => unknown;
  Object.defineProperty(proto, name, {
    ...descriptor,
    get(this: unknown) {
      if (!when()) return get.call(this);
      const t0 = performance.now();
      try {
        return get.call(this);
      } finally {
        totals.set(key, (totals.get(key) ?? 0) + performance.now() - t0);
      }
    },
  });
  return () => Object.defineProperty(proto, name, descriptor);
}
