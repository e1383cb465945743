"""Build each of the five reference documents from its inputs.

Why: ``check`` and ``write`` must run the very same code - ``check`` rebuilds a document from the
inputs stored in it and compares, ``write`` rebuilds it and saves - so what ``check`` proves holds
for what ``write`` produces.  Every builder keeps the stored document's keys, their order and its
descriptive metadata (init strings, seeds: the draws are not reproduced, their results are stored)
and replaces only the computed outputs.  Each builder also returns extra facts for the report.
"""

import copy

import torch

import activations
import models
from encoding import decode_numbers as num

FILES = ("activations.json", "gradflow.json", "deadrelu.json", "zigzag.json", "classifier.json")


def _header():
    return {"torch_version": torch.__version__, "dtype": "float64"}


def activations_doc(stored=None):
    """With ``stored``: recompute f and df at each stored case's own x (for ``check``).

    Without: the cases of ``activations.CASES`` at the README's point set (for ``write``).
    """
    if stored is not None:
        doc = copy.deepcopy(stored)
        for case in doc["cases"]:
            case["f"], case["df"] = activations.evaluate(case["name"], case["params"], num(case["x"]))
        return doc, {}
    shared = activations.shared_points()
    cases = []
    for name, params in activations.CASES:
        xs = activations.points_for(name, shared)
        f, df = activations.evaluate(name, params, xs)
        cases.append({"name": name, "params": dict(params), "x": xs, "f": f, "df": df})
    doc = _header() | {"derivative": "torch.autograd: x.grad after f(x).backward(ones)", "cases": cases}
    return doc, {}


def expected_points(stored):
    """The x each stored case would get from the README's point set (checked against the file)."""
    shared = activations.shared_points()
    return [activations.points_for(case["name"], shared) for case in stored["cases"]]


def gradflow_doc(stored):
    doc = copy.deepcopy(stored)
    closest = float("inf")
    for case in doc["cases"]:
        out = models.gradflow(case["activation"], case["params"],
                              num(case["weights"]), num(case["biases"]), num(case["inputs"]))
        for key in ("loss", "grad_w_norm", "grad_b_norm", "grad_h_mean_abs"):
            case[key] = out[key]
        closest = min(closest, out["closest_to_kink"])
    return doc, {"closest ReLU/LeakyReLU pre-activation to 0": closest}


def deadrelu_doc(stored):
    doc = copy.deepcopy(stored)
    closest = float("inf")
    for case in doc["cases"]:
        out = models.deadrelu(case["activation"], case["params"], case["lr"], case["steps"],
                              num(case["X"]), num(case["t"]), num(case["W1"]), num(case["b1"]),
                              num(case["W2"]), num(case["b2"]))
        for key in ("loss", "dead", "dead_grad_norm"):
            case[key] = out[key]
        closest = min(closest, out["closest_to_kink"])
    return doc, {"closest pre-activation to 0": closest}


def zigzag_doc(stored):
    doc = copy.deepcopy(stored)
    for case in doc["cases"]:
        out = models.zigzag(num(case["x"]), num(case["t"]), num(case["w0"]), case["lr"], case["steps"])
        for key in ("w", "loss", "update_same_sign", "per_sample_same_sign_fraction"):
            case[key] = out[key]
    return doc, {}


def zigzag_inputs(case):
    """What torch makes of the stored z: x = Sigmoid(z) or Tanh(z), t = x @ w_star (stored x, t are used)."""
    module = getattr(torch.nn, case["module"])()
    x = module(torch.tensor(num(case["z"]), dtype=torch.float64))
    t = torch.tensor(num(case["x"]), dtype=torch.float64) @ torch.tensor(num(case["w_star"]), dtype=torch.float64)
    return x.tolist(), t.tolist()


def classifier_doc(stored):
    doc = copy.deepcopy(stored)
    closest = float("inf")
    inputs = [num(doc[k]) for k in ("X", "y", "W1", "b1", "W2", "b2")]
    for case in doc["cases"]:
        out = models.classifier(case["activation"], case["params"], case["lr"], case["steps"], *inputs)
        case["loss"], case["accuracy"], case["final"] = out["loss"], out["accuracy"], out["final"]
        closest = min(closest, out["closest_to_kink"])
    return doc, {"closest ReLU pre-activation to 0": closest}


BUILDERS = {
    "activations.json": activations_doc,
    "gradflow.json": gradflow_doc,
    "deadrelu.json": deadrelu_doc,
    "zigzag.json": zigzag_doc,
    "classifier.json": classifier_doc,
}


def rebuild(filename, stored):
    """Recompute every output of ``stored`` from the inputs it holds."""
    doc, facts = BUILDERS[filename](stored)
    doc["torch_version"] = torch.__version__
    return doc, facts
