/**
 * The fast-check seed of a run: FC_SEED from the environment (the project's convention, see
 * test/setup/fast-check.ts), else the project's fixed default, so CI is deterministic and a failure replays
 * exactly; set FC_SEED to explore other inputs. In the browser (no environment) set FIXED_SEED below to replay.
 * fast-check also prints the seed and path of any counterexample.
 */
import type { BlockKind, CommonOptions } from '../../src/blocks/block-kind';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

/** The project's default seed (test/setup/fast-check.ts). */
const DEFAULT_SEED = 20261127;
/** Set to a seed to replay a browser fuzz failure (the browser has no environment variables). */
const FIXED_SEED: number | null = null;

/** The seed of this run. */
export function fuzzSeed(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const fromEnv = Number(env?.FC_SEED ?? NaN);
  if (FIXED_SEED !== null) return FIXED_SEED;
  return Number.isInteger(fromEnv) ? fromEnv : DEFAULT_SEED;
}

/** A kind's keys, read from its own "unknown key" problem (so kinds added later need no list here). */
export function keysOf(kind: BlockKind<CommonOptions, unknown>): string[] {
  const parsed = kind.parse('zzz_not_a_key: 1', { settings: { ...DEFAULT_SETTINGS }, lang: 'en' });
  const unknown = parsed.ok
    ? parsed.value.warnings?.find((w) => w.code === 'unknownKey')
    : (parsed.problems ?? [parsed.problem]).find((p) => p.code === 'unknownKey');
  const allowed = String(unknown?.args.allowed ?? '');
  const keys = allowed
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length === 0) throw new Error(`${kind.language}: could not read its keys from an unknown-key problem`);
  return keys;
}
