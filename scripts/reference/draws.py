"""Draw the inputs of a new gradflow.json case, as the README describes the existing draws.

Why: gradflow is the one training file whose cases each have their own inputs; the other three
share one set of inputs across cases (a new case there copies an existing case's inputs and
changes lr / steps / activation).  The committed draws are not reproduced by this - the README
says they need not be, since the files hold the exact values - so a new case gets a new draw
from ``torch.Generator().manual_seed(seed)``, rounded to 10 significant digits like every
drawn input.  Outputs are left out; ``generate.py write`` computes them.
"""

import math

import torch

from encoding import round10


def _rounded(tensor):
    return [[round10(v) for v in row] for row in tensor.tolist()]


def gradflow_case(activation, params, init, seed, depth, width=16, batch=8):
    """A gradflow case with inputs only, keys in the committed order.

    init: "xavier_uniform" (U(+-sqrt(6/(2*width)))) or "he_normal" (N(0, 2/width)).
    """
    g = torch.Generator().manual_seed(seed)
    f64 = torch.float64
    if init == "xavier_uniform":
        bound = math.sqrt(6.0 / (2 * width))
        weights = [(torch.rand(width, width, generator=g, dtype=f64) * 2 - 1) * bound for _ in range(depth)]
    elif init == "he_normal":
        weights = [torch.randn(width, width, generator=g, dtype=f64) * math.sqrt(2.0 / width) for _ in range(depth)]
    else:
        raise ValueError(f"unknown init {init!r}")
    biases = (torch.rand(depth, width, generator=g, dtype=f64) * 2 - 1) * 0.1
    inputs = torch.randn(batch, width, generator=g, dtype=f64)
    return {
        "activation": activation, "params": dict(params), "init": init,
        "bias_init": "uniform(-0.1, 0.1)", "input_init": "standard_normal", "seed": seed,
        "depth": depth, "width": width, "batch": batch,
        "weights": [_rounded(w) for w in weights],
        "biases": _rounded(biases),
        "inputs": _rounded(inputs),
    }
