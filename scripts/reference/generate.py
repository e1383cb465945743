#!/usr/bin/env python3
"""Regenerate or verify test/fixtures/reference/*.json with PyTorch autograd in float64.

    python3 scripts/reference/generate.py check [--dir DIR]
    python3 scripts/reference/generate.py write [--out DIR] [--inputs DIR]

``check`` recomputes every output of every case of the five files from the inputs stored in them
and compares with the stored outputs under the README's tolerances (exit status 1 on any failure).
``write`` writes the five files afresh; it writes to a new temporary folder unless ``--out`` is
given, so the committed fixtures are only replaced on an explicit ``--out test/fixtures/reference``.
Tests never run this: they read the committed JSON.
"""

import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository

# Debian's python3-torch lives in /usr/bin/python3's site-packages; a pyenv or venv python3
# first on PATH does not see it.  Fall back to the system interpreter rather than failing.
try:
    import torch  # noqa: F401
except ImportError:
    if os.path.exists("/usr/bin/python3") and not os.environ.get("REFERENCE_GENERATOR_REEXEC"):
        os.environ["REFERENCE_GENERATOR_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(__file__), *sys.argv[1:]])
    sys.exit("generate.py needs PyTorch: apt-get install python3-torch (Debian) or pip install torch")

import argparse
import tempfile

import activations
import documents
import encoding
import tolerances

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "test", "fixtures", "reference"))


def _case_label(filename, case):
    if filename == "activations.json":
        return f"{case['name']}{case['params'] or ''}"
    if filename == "zigzag.json":
        return case["inputs"]
    if filename == "classifier.json":
        return case["activation"]
    extra = f" depth {case['depth']} {case['init']}" if filename == "gradflow.json" else f" lr {case['lr']}"
    return f"{case['activation']}{case['params'] or ''}{extra}"


def _pairs(filename, stored, rebuilt):
    """Yield (label, field, got, stored) for every compared field of every case."""
    tol_fields = tolerances.TOLERANCES[filename]
    if filename == "activations.json":
        listed = [(c["name"], c["params"]) for c in stored["cases"]]
        yield "case list", "x", [repr(c) for c in listed], [repr(c) for c in activations.CASES]
        points = documents.expected_points(stored)
        for case, xs in zip(stored["cases"], points):
            yield _case_label(filename, case), "x", xs, case["x"]
    for old, new in zip(stored["cases"], rebuilt["cases"]):
        label = _case_label(filename, old)
        for field in tol_fields:
            if filename == "classifier.json" and field in ("W1", "b1", "W2", "b2"):
                yield label, field, new["final"][field], old["final"][field]
            elif field in new and not (filename == "activations.json" and field == "x"):
                yield label, field, new[field], old[field]
        if filename == "zigzag.json":
            x, t = documents.zigzag_inputs(old)
            yield label, "x_from_z", x, old["x"]
            yield label, "t_from_x", t, old["t"]


def _worst(pair):
    value, label = pair
    return f"{value:.3g} ({label})" if value else "0 (every value identical)"


def check(directory):
    passed = failed = 0
    for filename in documents.FILES:
        stored = encoding.load(os.path.join(directory, filename))
        try:
            rebuilt, facts = documents.rebuild(filename, stored)
        except Exception as error:  # e.g. models.KinkError
            print(f"{filename}: FAILED to recompute: {error}")
            failed += 1
            continue
        worst_abs = (0.0, "-")
        worst_rel = (0.0, "-")
        file_pass = file_fail = 0
        failures = []
        for label, field, got, want in _pairs(filename, stored, rebuilt):
            cmp = tolerances.Comparison(f"{label} {field}", got, want, tolerances.TOLERANCES[filename][field])
            if field not in ("x_from_z", "t_from_x"):
                worst_abs = max(worst_abs, (cmp.worst_abs, cmp.label))
                worst_rel = max(worst_rel, (cmp.worst_rel, cmp.label))
            if cmp.ok:
                file_pass += 1
            else:
                file_fail += 1
                failures.append(f"  FAIL {cmp.label}: {cmp.mismatches} of {cmp.count} out of tolerance; {cmp.detail}")
            if field in ("x_from_z", "t_from_x"):
                facts[f"max |{field}| difference"] = max(facts.get(f"max |{field}| difference", 0.0), cmp.worst_abs)
        passed += file_pass
        failed += file_fail
        print(f"{filename}: {file_pass} passed, {file_fail} failed; "
              f"worst abs err {_worst(worst_abs)}, worst rel err {_worst(worst_rel)}")
        for key, value in facts.items():
            print(f"  {key}: {value:.3g}")
        for line in failures:
            print(line)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def write(out, inputs):
    if out is None:
        out = tempfile.mkdtemp(prefix="activation-lab-reference-")
    os.makedirs(out, exist_ok=True)
    for filename in documents.FILES:
        if filename == "activations.json":
            doc, _ = documents.activations_doc()
        else:
            doc, _ = documents.rebuild(filename, encoding.load(os.path.join(inputs, filename)))
        target = os.path.join(out, filename)
        text = encoding.dump_text(doc)
        committed = os.path.join(inputs, filename)
        same = ""
        if os.path.abspath(target) != os.path.abspath(committed) and os.path.exists(committed):
            with open(committed, encoding="utf-8") as handle:
                same = " (byte-identical to inputs)" if handle.read() == text else " (differs from inputs)"
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        print(f"wrote {target}{same}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="recompute every stored output and compare under the README tolerances")
    p_check.add_argument("--dir", default=FIXTURES, help=f"folder holding the five files (default {FIXTURES})")
    p_write = sub.add_parser("write", help="write the five files afresh")
    p_write.add_argument("--out", default=None, help="output folder (default: a new temporary folder)")
    p_write.add_argument("--inputs", default=FIXTURES,
                         help=f"folder whose files supply the training inputs (default {FIXTURES})")
    args = parser.parse_args(argv)
    torch.set_default_dtype(torch.float64)
    if args.command == "check":
        return check(args.dir)
    return write(args.out, args.inputs)


if __name__ == "__main__":
    sys.exit(main())
