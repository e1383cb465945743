/** Browser project's global setup: stops with the browser resolver's own message when no Chromium was found. */
import process from 'node:process';

export default function chromiumFound(): void {
  const missing = process.env.ACTIVATION_LAB_NO_CHROMIUM;
  if (missing) throw new Error(missing);
}
