/**
 * Browser-test setup: the host's webfonts (see test/fakes/webfonts.ts), imported through Vite and loaded before any
 * test measures text, so label positions and pixels do not depend on the fonts of the machine running the tests.
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/600.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/noto-sans-mono/400.css';
import 'twemoji-colr-font/twemoji.css';
import { loadWebfonts } from '../fakes/webfonts';

await loadWebfonts();
