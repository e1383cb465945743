/**
 * Test-file order for mutation runs (vitest.mutation.config.ts): the file that failed last comes first, then the
 * cheapest files. Stryker stops a mutant's run at its first failing test (bail), and the mutant that came before
 * was usually killed by the same file, or by the folder's own quick unit tests; Vitest's default order (longest and
 * largest first) ran the slow block and truth tests before them, so a mutant any unit test kills still paid for those.
 * Which tests run is unchanged: only their order.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Failed-last-time first, then shortest known duration, then smallest file (unknown ones). */
export default class CheapFirstSequencer extends BaseSequencer {
  /** The longest duration seen per file: a run that bail cut short (or filtered to one test) says little of its cost. */
  private readonly longest = new Map<string, number>();

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`;
    const rank = (f: TestSpecification) => {
      const k = key(f);
      const result = cache.getFileTestResults(k);
      const duration = Math.max(result?.duration ?? Number.MAX_SAFE_INTEGER, this.longest.get(k) ?? 0);
      if (result) this.longest.set(k, duration);
      const size = cache.getFileStats(k)?.size ?? Number.MAX_SAFE_INTEGER;
      return { failed: result?.failed ? 0 : 1, duration, size };
    };
    const ranked = files.map((f) => ({ f, r: rank(f) }));
    ranked.sort((a, b) => a.r.failed - b.r.failed || a.r.duration - b.r.duration || a.r.size - b.r.size);
    return ranked.map(({ f }) => f);
  }
}
