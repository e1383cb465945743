"""The four small networks behind gradflow.json, deadrelu.json, zigzag.json and classifier.json.

Why: the plugin's training demos are tested against these runs, so each function follows the
README of test/fixtures/reference literally - same shapes, same loss, every gradient from torch
autograd in float64, one plain gradient-descent step ``P <- P - lr * dloss/dP`` with all
gradients taken before any parameter changes.  Inputs are the exact doubles stored in the files;
nothing here draws random numbers.  Results are returned as plain Python floats / ints / bools.
"""

import math

import torch

from activations import make_module

F64 = torch.float64

# Piecewise-linear activations whose kink conventions must never matter in the training files.
KINKED = {"ReLU", "LeakyReLU", "PReLU", "RReLU", "ReLU6", "Hardtanh", "Threshold"}


class KinkError(ValueError):
    """A pre-activation came too close to a kink: the result would depend on PyTorch's convention there."""


def _t(values, grad=False):
    return torch.tensor(values, dtype=F64, requires_grad=grad)


def _guard(activation, z, margin, where):
    """Refuse a run in which a kinked activation is evaluated within ``margin`` of its kink (0)."""
    if activation not in KINKED:
        return math.inf
    closest = float(z.detach().abs().min())
    if closest < margin:
        raise KinkError(f"{where}: a pre-activation is {closest:.3g} from 0 (< {margin:g})")
    return closest


def gradflow(activation, params, weights, biases, inputs, margin=1e-5):
    """Plain MLP h_l = act(h_{l-1} @ W_l + b_l), loss = sum(h_L); gradient norms per layer.

    ``margin``: README promises no pre-activation within 1e-5 of 0.
    """
    act = make_module(activation, params)
    ws = [_t(w, grad=True) for w in weights]
    bs = [_t(b, grad=True) for b in biases]
    h = _t(inputs)
    hs = []
    closest = math.inf
    for layer, (w, b) in enumerate(zip(ws, bs), start=1):
        z = h @ w + b
        closest = min(closest, _guard(activation, z, margin, f"layer {layer}"))
        h = act(z)
        h.retain_grad()
        hs.append(h)
    loss = h.sum()
    loss.backward()
    return {
        "loss": float(loss),
        "grad_w_norm": [float(torch.linalg.norm(w.grad)) for w in ws],
        "grad_b_norm": [float(torch.linalg.norm(b.grad)) for b in bs],
        "grad_h_mean_abs": [float(hl.grad.abs().mean()) for hl in hs],
        "closest_to_kink": closest,
    }


def deadrelu(activation, params, lr, steps, X, t, W1, b1, W2, b2, margin=1e-8):
    """One-hidden-layer regression net trained by full-batch GD; counts dead hidden units per step.

    Entry s is measured after s updates (s = 0..steps); the gradient at s = steps is computed
    but never applied.  A unit is dead when its pre-activation is <= 0 for every sample.
    """
    act = make_module(activation, params)
    X, t = _t(X), _t(t)
    P = [_t(W1, True), _t(b1, True), _t(W2, True), _t(b2, True)]
    out = {"loss": [], "dead": [], "dead_grad_norm": []}
    closest = math.inf
    for s in range(steps + 1):
        w1, c1, w2, c2 = P
        z = X @ w1 + c1
        closest = min(closest, _guard(activation, z, margin, f"step {s}"))
        y = act(z) @ w2 + c2
        loss = ((y[:, 0] - t) ** 2).mean()
        grads = torch.autograd.grad(loss, P)
        dead = (z <= 0).all(dim=0)
        g1, gc1, g2, _ = grads
        dead_grads = torch.cat([g1[:, dead].reshape(-1), gc1[dead], g2[dead, 0]])
        out["loss"].append(float(loss))
        out["dead"].append(int(dead.sum()))
        out["dead_grad_norm"].append(float(torch.linalg.norm(dead_grads)) if bool(dead.any()) else 0.0)
        if s < steps:
            P = [(p - lr * g).detach().requires_grad_() for p, g in zip(P, grads)]
    out["closest_to_kink"] = closest
    return out


def _same_sign(a, b):
    return a != 0 and b != 0 and (a > 0) == (b > 0)


def zigzag(x, t, w0, lr, steps):
    """One linear neuron without bias, loss = mean((x @ w - t)^2), full-batch GD from w0.

    Records w and loss for s = 0..steps, and for each update whether both components share a
    sign, plus the fraction of samples whose own gradient 2 (y_i - t_i) x[i] has same-sign,
    non-zero components.
    """
    x, t = _t(x), _t(t)
    n = x.shape[0]
    w = _t(w0)
    out = {"w": [], "loss": [], "update_same_sign": [], "per_sample_same_sign_fraction": []}
    for s in range(steps + 1):
        wg = w.clone().requires_grad_()
        loss = ((x @ wg - t) ** 2).mean()
        out["w"].append(w.tolist())
        out["loss"].append(float(loss))
        if s == steps:
            break
        (g,) = torch.autograd.grad(loss, wg)
        update = -lr * g
        out["update_same_sign"].append(_same_sign(float(update[0]), float(update[1])))
        per_sample = 2 * (x @ w - t)[:, None] * x
        k = sum(_same_sign(float(a), float(b)) for a, b in per_sample.tolist())
        out["per_sample_same_sign_fraction"].append(k / n)
        w = w - lr * g
    return out


def classifier(activation, params, lr, steps, X, y, W1, b1, W2, b2, margin=1e-8):
    """2 -> H -> 1 classifier, mean BCEWithLogits, full-batch GD; loss/accuracy per step and final params.

    ``Identity`` means no activation (the whole network is linear).  README: the generator refuses
    runs where a ReLU pre-activation comes within 1e-8 of 0.
    """
    act = make_module(activation, params)
    X, y = _t(X), _t(y)
    n = X.shape[0]
    P = [_t(W1, True), _t(b1, True), _t(W2, True), _t(b2, True)]
    out = {"loss": [], "accuracy": []}
    closest = math.inf
    for s in range(steps + 1):
        w1, c1, w2, c2 = P
        z = X @ w1 + c1
        closest = min(closest, _guard(activation, z, margin, f"step {s}"))
        logit = (act(z) @ w2 + c2)[:, 0]
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logit, y)
        correct = int(((logit > 0) == (y == 1)).sum())
        out["loss"].append(float(loss))
        out["accuracy"].append(correct / n)
        if s < steps:
            grads = torch.autograd.grad(loss, P)
            P = [(p - lr * g).detach().requires_grad_() for p, g in zip(P, grads)]
    out["final"] = {name: p.detach().tolist() for name, p in zip(("W1", "b1", "W2", "b2"), P)}
    out["closest_to_kink"] = closest
    return out
