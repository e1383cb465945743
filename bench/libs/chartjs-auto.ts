/** Separate script: Chart.js with everything registered (`chart.js/auto`), exactly what Obsidian Charts ships. */
import { Chart, animator } from 'chart.js/auto';
import { benchLibs, type ChartAutoLib } from './globals';

benchLibs().chartAuto = { Chart, animator } satisfies ChartAutoLib;
