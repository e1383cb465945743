/** torch activation names as notes spell them: case, spaces, `-` and `_` ignored; `\sigma` and `\tanh` included. */
import { activationSpecs } from '../activations';
import { normaliseName } from '../syntax/suggest';

let table: Map<string, string> | undefined;

/** The canonical torch.nn name a spelling means (`Leaky ReLU`, `leaky_relu`, `sigmoid`, `\sigma`), if any. */
export function torchName(spelling: string): string | undefined {
  if (!table) {
    table = new Map([
      ['\\sigma', 'Sigmoid'],
      ['\\tanh', 'Tanh'],
      ['swish', 'SiLU'],
    ]);
    for (const s of activationSpecs()) for (const n of [s.name, ...s.aliases]) table.set(normaliseName(n), s.name);
  }
  return table.get(spelling.startsWith('\\') ? spelling : normaliseName(spelling));
}
