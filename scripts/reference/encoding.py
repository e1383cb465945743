"""Number encoding and file layout of the reference JSON files.

Why a module of its own: the TypeScript tests parse these files, so every writer and
reader here must agree on one encoding (README of test/fixtures/reference):

* NaN is written as ``null`` and +/-infinity as the strings ``"Infinity"`` / ``"-Infinity"``
  (plain JSON has no literal for either);
* every other float is written as Python's shortest round-tripping repr, so the doubles
  torch computed are stored exactly (``-0.0`` included);
* the committed files are one line of compact JSON (``separators=(",", ":")``) followed
  by a newline, keys in insertion order.  ``dump_text(json.loads(text)) == text`` holds
  byte for byte for every committed file, which is how this layout was established.
"""

import json
import math

NAN = None
POS_INF = "Infinity"
NEG_INF = "-Infinity"


def encode(value):
    """Return ``value`` with tensors turned into lists and non-finite floats into their JSON stand-ins."""
    if hasattr(value, "tolist") and not isinstance(value, (list, tuple, dict)):
        value = value.tolist()
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return NAN
        if math.isinf(value):
            return POS_INF if value > 0 else NEG_INF
        return value
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode_number(value):
    """Inverse of ``encode`` for one number: ``null`` -> NaN, ``"Infinity"`` -> inf."""
    if value is NAN:
        return math.nan
    if value == POS_INF:
        return math.inf
    if value == NEG_INF:
        return -math.inf
    if isinstance(value, bool):
        return value
    return float(value)


def decode_numbers(value):
    """Apply ``decode_number`` through nested lists (a stored vector or matrix)."""
    if isinstance(value, list):
        return [decode_numbers(v) for v in value]
    return decode_number(value)


def round10(x):
    """Round a drawn input to 10 significant digits, as the README says drawn inputs are stored."""
    return float(f"{x:.10g}")


def dump_text(document):
    """Serialise a whole reference document exactly as the committed files are laid out."""
    return json.dumps(encode(document), separators=(",", ":"), allow_nan=False) + "\n"


def load(path):
    """Read a reference document (numbers stay encoded; decode the fields you compute with)."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def save(path, document):
    """Write a reference document in the committed layout."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(dump_text(document))
