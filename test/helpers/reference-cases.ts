/** The shapes of the PyTorch reference files' cases (test/fixtures/reference/README.md), shared by every test that reads them. */
import type { ParamValue } from '../../src/core/activations/types';
import { readReference } from './reference';

/** One network of gradflow.json. */
export interface GradflowCase {
  activation: string;
  params: Record<string, ParamValue>;
  init: string;
  seed: number;
  depth: number;
  width: number;
  batch: number;
  weights: number[][][];
  biases: number[][];
  inputs: number[][];
  loss: number;
  grad_w_norm: number[];
  grad_b_norm: number[];
  grad_h_mean_abs: number[];
}

/** One training run of deadrelu.json. */
export interface DeadReluCase {
  activation: string;
  params: Record<string, ParamValue>;
  lr: number;
  steps: number;
  width: number;
  X: number[][];
  t: number[];
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
  loss: number[];
  dead: number[];
  dead_grad_norm: number[];
}

/** One trajectory of zigzag.json. */
export interface ZigzagCase {
  inputs: string;
  module: string;
  x: number[][];
  t: number[];
  w0: [number, number];
  w_star: [number, number];
  lr: number;
  steps: number;
  w: [number, number][];
  loss: number[];
  update_same_sign: boolean[];
  per_sample_same_sign_fraction: number[];
}

/** The cases of gradflow.json. */
export const gradflowCases = (): GradflowCase[] => readReference<{ cases: GradflowCase[] }>('gradflow.json').cases;
/** The cases of deadrelu.json. */
export const deadReluCases = (): DeadReluCase[] => readReference<{ cases: DeadReluCase[] }>('deadrelu.json').cases;
/** The cases of zigzag.json. */
export const zigzagCases = (): ZigzagCase[] => readReference<{ cases: ZigzagCase[] }>('zigzag.json').cases;

/** The network and data shared by every case of classifier.json. */
export interface ClassifierFile {
  n: number;
  width: number;
  X: number[][];
  y: number[];
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
  cases: ClassifierCase[];
}

/** One activation's run in classifier.json. */
export interface ClassifierCase {
  activation: string;
  params: Record<string, number>;
  lr: number;
  steps: number;
  loss: number[];
  accuracy: number[];
  final: { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
}

/** classifier.json. */
export const classifierFile = (): ClassifierFile => readReference<ClassifierFile>('classifier.json');
