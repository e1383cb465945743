"""Tolerances of the README "Tolerances implementations are held to", and the comparison itself.

Why: ``check`` must hold the generator to the very bounds the plugin's tests hold the plugin
to, so that "the generator reproduces the committed truth" means the same thing in both places.
Each field is either compared exactly (counts, booleans, accuracies, fractions, points) or
``|a - b| <= atol + rtol * |b|``, where NaN must meet NaN (``null``) and an infinity the same infinity.
"""

import math

from encoding import decode_numbers

EXACT = ("exact", 0.0, 0.0)


def close(atol, rtol):
    return ("close", atol, rtol)


TOLERANCES = {
    "activations.json": {"x": EXACT, "f": close(1e-9, 1e-7), "df": close(1e-9, 1e-7)},
    "gradflow.json": {k: close(0.0, 1e-6) for k in ("loss", "grad_w_norm", "grad_b_norm", "grad_h_mean_abs")},
    "deadrelu.json": {"loss": close(0.0, 1e-9), "dead": EXACT, "dead_grad_norm": close(0.0, 1e-9)},
    "zigzag.json": {
        "w": close(1e-9, 1e-9), "loss": close(0.0, 1e-9),
        "update_same_sign": EXACT, "per_sample_same_sign_fraction": EXACT,
        # Not outputs: how far the stored x and t are from torch recomputing them from z.
        "x_from_z": close(1e-15, 0.0), "t_from_x": close(1e-15, 1e-15),
    },
    "classifier.json": {k: close(1e-12, 1e-8) for k in ("loss", "W1", "b1", "W2", "b2")} | {"accuracy": EXACT},
}


def _flat(value):
    if isinstance(value, list):
        for v in value:
            yield from _flat(v)
    else:
        yield value


class Comparison:
    """Outcome of comparing one field of one case: pass/fail, worst errors and where they are."""

    def __init__(self, label, got, want, tolerance):
        kind, atol, rtol = tolerance
        self.label = label
        self.worst_abs = 0.0
        self.worst_rel = 0.0
        self.mismatches = 0
        got_flat = list(_flat(got))
        want_flat = list(_flat(want))
        self.count = len(want_flat)
        if len(got_flat) != len(want_flat):
            self.mismatches = max(len(got_flat), len(want_flat))
            self.detail = f"length {len(got_flat)} != stored {len(want_flat)}"
            return
        self.detail = ""
        for i, (a, b) in enumerate(zip(got_flat, want_flat)):
            if kind == "exact":
                same = a == b and type(a) is type(b) or (
                    isinstance(a, float) and isinstance(b, float) and a == b)
                if not same:
                    self._miss(i, a, b)
                continue
            a, b = decode_numbers(a), decode_numbers(b)
            if math.isnan(b) or math.isinf(b) or math.isnan(a) or math.isinf(a):
                if not (a == b or (math.isnan(a) and math.isnan(b))):
                    self._miss(i, a, b)
                continue
            err = abs(a - b)
            self.worst_abs = max(self.worst_abs, err)
            if b != 0:
                self.worst_rel = max(self.worst_rel, err / abs(b))
            elif a != 0:
                self.worst_rel = math.inf
            if err > atol + rtol * abs(b):
                self._miss(i, a, b)

    def _miss(self, i, a, b):
        if not self.mismatches:
            self.detail = f"first mismatch at [{i}]: got {a!r}, stored {b!r}"
        self.mismatches += 1

    @property
    def ok(self):
        return self.mismatches == 0
