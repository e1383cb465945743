"""Activation functions: which cases exist, at which points they are sampled, and f / f' by autograd.

Why: activations.json is the ground truth the plugin's charts are tested against, so f and f'
must be exactly what ``torch.nn`` returns in float64, including PyTorch's conventions at kinks
(f' is ``x.grad`` after ``f(x).backward(ones)``, not a mathematical limit).  The point set puts
samples exactly on every kink and 1e-9 either side, where those conventions show.
"""

import torch

# The 36 cases of activations.json, in file order.  ``params`` are constructor keyword
# arguments; anything not listed takes PyTorch's default.  To add a case, append it here
# (its kinks, if any, go into KINKS below) and run ``generate.py write``.
CASES = [
    ("ELU", {}), ("ELU", {"alpha": 0.5}), ("ELU", {"alpha": 2.0}),
    ("Hardshrink", {}), ("Hardshrink", {"lambd": 0.3}),
    ("Hardsigmoid", {}),
    ("Hardtanh", {}), ("Hardtanh", {"min_val": -2.0, "max_val": 3.0}),
    ("Hardswish", {}),
    ("LeakyReLU", {}), ("LeakyReLU", {"negative_slope": 0.2}),
    ("LogSigmoid", {}),
    ("PReLU", {}), ("PReLU", {"init": 0.1}),
    ("ReLU", {}), ("ReLU6", {}),
    ("RReLU", {}), ("RReLU", {"lower": 0.1, "upper": 0.3}),
    ("SELU", {}),
    ("CELU", {}), ("CELU", {"alpha": 2.0}),
    ("GELU", {}), ("GELU", {"approximate": "tanh"}),
    ("Sigmoid", {}), ("SiLU", {}), ("Mish", {}),
    ("Softplus", {}), ("Softplus", {"beta": 2.0, "threshold": 10.0}),
    ("Softplus", {"beta": 0.5, "threshold": 5.0}),
    ("Softshrink", {}), ("Softshrink", {"lambd": 0.7}),
    ("Softsign", {}), ("Tanh", {}), ("Tanhshrink", {}),
    ("Threshold", {"threshold": 0.1, "value": 20.0}),
    ("Threshold", {"threshold": 0.5, "value": -1.0}),
]


def _p(params, key, default):
    return float(params.get(key, default))


# Kinks and boundaries of each module as a function of its params (defaults as in PyTorch).
# Smooth modules have none.  The point set is shared by all cases, so it holds every case's kinks.
KINKS = {
    "ELU": lambda p: [0.0],
    "CELU": lambda p: [0.0],
    "SELU": lambda p: [0.0],
    "ReLU": lambda p: [0.0],
    "LeakyReLU": lambda p: [0.0],
    "PReLU": lambda p: [0.0],
    "RReLU": lambda p: [0.0],
    "ReLU6": lambda p: [0.0, 6.0],
    "Hardtanh": lambda p: [_p(p, "min_val", -1.0), _p(p, "max_val", 1.0)],
    "Hardshrink": lambda p: [-_p(p, "lambd", 0.5), _p(p, "lambd", 0.5)],
    "Softshrink": lambda p: [-_p(p, "lambd", 0.5), _p(p, "lambd", 0.5)],
    "Hardsigmoid": lambda p: [-3.0, 3.0],
    "Hardswish": lambda p: [-3.0, 3.0],
    "Threshold": lambda p: [_p(p, "threshold", 0.0)],
    # Softplus switches to the identity where beta*x > threshold.
    "Softplus": lambda p: [_p(p, "threshold", 20.0) / _p(p, "beta", 1.0)],
}

# Points a module must not be sampled at.  PyTorch versions disagree on Hardswish at exactly
# -3 and +3 (1.13-2.6: -0.5 and 1.5 or 1.0; current: 0 and 1), so those points are left out.
EXCLUDED = {"Hardswish": {-3.0, 3.0}}

# The 24 fixed pseudo-random points in [-10, 10], reused verbatim from the committed
# activations.json so that regenerated files stay comparable with it.
RANDOM_POINTS = [
    -9.448818, -7.319166, -7.116808, -5.930895, -4.753733, -4.391825, -3.936103, -3.763371,
    -3.405366, -1.93774, -1.816017, -1.533471, -0.930042, -0.296181, 0.236432, 0.762866,
    0.991874, 5.007293, 5.070262, 5.768574, 6.554052, 8.972989, 9.009274, 9.614744,
]

GRID = [-8.0 + 0.25 * i for i in range(65)]  # -8..8 step 0.25, every value exact in binary
FAR = [-1e4, -100.0, -30.0, 30.0, 100.0, 1e4]
KINK_OFFSET = 1e-9


def kinks(name, params):
    return KINKS.get(name, lambda p: [])(params)


def shared_points(cases=CASES):
    """Sorted, de-duplicated point set shared by every case (README: "Every case has the same points")."""
    points = set(GRID) | set(FAR) | set(RANDOM_POINTS)
    for name, params in cases:
        for k in kinks(name, params):
            points |= {k - KINK_OFFSET, k, k + KINK_OFFSET}
    return sorted(points)


def points_for(name, shared):
    excluded = EXCLUDED.get(name, set())
    return [x for x in shared if x not in excluded]


def make_module(name, params):
    """Build ``torch.nn.<name>(**params)`` in float64, eval mode.

    * RReLU in eval mode is a leaky ReLU with slope (lower+upper)/2.
    * PReLU's weight is created in float32 by torch; it is reset to ``init`` held exactly
      as a float64 (README), so PReLU'(x<0) is 0.1 and not float32(0.1).
    """
    module = getattr(torch.nn, name)(**params).double().eval()
    if name == "PReLU":
        with torch.no_grad():
            module.weight.fill_(float(params.get("init", 0.25)))
    return module


def evaluate(name, params, xs):
    """Return (f, df) as lists of floats: f = module(x), df = x.grad after f(x).backward(ones)."""
    module = make_module(name, params)
    x = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    y = module(x)
    y.backward(torch.ones_like(y))
    return y.detach().tolist(), x.grad.tolist()
