/**
 * Property tests are reproducible: every run uses one seed (FC_SEED, or a fixed default), so CI never
 * fails at random; set FC_SEED to explore other inputs locally. The seed is printed once per worker.
 */
import process from 'node:process';
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261127);
fc.configureGlobal({ seed });
if (process.env.FC_SEED) process.stdout.write(`fast-check seed ${seed}\n`);
