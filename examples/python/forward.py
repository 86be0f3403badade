"""Runs an ArithLab checkpoint in PyTorch: rebuilds the vocabulary and the position ids from the
run's own config (the rules of docs/data-formats.md), loads the weights from model.safetensors
and greedy-decodes the answer to a problem with the transformer's forward pass written out here.

  python3 forward.py RUN_DIR_OR_MODEL_SAFETENSORS 123+45 [--json]

Needs torch (Debian: apt-get install python3-torch, which is /usr/bin/python3's). Covers the
plain transformer (not looped, not FoNE) with learned, coupled, Abacus or no positions, and the
formats plain, reversed and reversed-all for +, - and *. Anything else stops with a message.
"""
import json
import math
import os
import struct
import sys

import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64}
SPECIALS = ["[PAD]", "[BOS]", "[EOS]"]
DIGITS = [str(d) for d in range(10)]


def load(path):
    """Tensors by state-dict name and the header metadata of a safetensors file (its spec: 8-byte
    little-endian header length, JSON header, raw little-endian data)."""
    if os.path.isdir(path):
        checkpoints = os.path.join(path, "checkpoints")
        with open(os.path.join(checkpoints, "latest")) as f:
            path = os.path.join(checkpoints, f.read().strip(), "model.safetensors")
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    body = data[8 + n:]
    tensors = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        tensors[name] = torch.frombuffer(bytearray(body[begin:end]), dtype=DTYPES[entry["dtype"]]).reshape(entry["shape"])
    return tensors, metadata


def experiment_keys(yaml_text):
    """The few `section.key: value` pairs this script needs from the resolved experiment YAML
    (two-level, as config.resolved.yaml writes it), without a YAML library."""
    keys, section = {}, None
    for line in yaml_text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        key, _, value = line.strip().partition(":")
        if indent == 0:
            section = key
        elif indent == 2 and value.strip():
            keys[f"{section}.{key}"] = value.strip().strip('"')
    return keys


OPERATORS = {"addition": "+", "subtraction": "-", "signed-subtraction": "-", "multiplication": "*"}


def vocabulary(task, fmt, spaces):
    """The token list in id order, as CharTokenizer.VocabularyFor builds it for a line format:
    specials, digits, then the delimiter, the operator, '=', the sign of signed subtraction, the space."""
    if task not in OPERATORS or fmt not in ("plain", "reversed", "reversed-all"):
        sys.exit(f"forward.py covers plain, reversed and reversed-all for {sorted(OPERATORS)}; this run is {task} in {fmt}")
    op = "x" if fmt == "reversed-all" and task == "multiplication" else OPERATORS[task]
    tokens = SPECIALS + DIGITS + (["$"] if fmt == "reversed" else []) + [op, "="]
    if task == "signed-subtraction" and op != "-":
        tokens.append("-")
    if spaces:
        tokens.append(" ")
    return tokens, op


def parse(problem):
    for symbol in "+-*x":
        if symbol in problem:
            a, b = problem.split(symbol)
            return a.strip(), b.strip()
    sys.exit(f"write the problem as 123+45, 45-12 or 12*34, not {problem!r}")


def prompt(a, b, op, fmt):
    """Prompt tokens with each digit's significance (-1 for other tokens); [BOS] first."""
    def number(digits):
        written = digits[::-1] if fmt == "reversed-all" else digits
        return [(d, len(digits) - 1 - i if fmt != "reversed-all" else i) for i, d in enumerate(written)]
    body = number(a) + [(op, -1)] + number(b) + [("=", -1)]
    return [("[BOS]", -1)] + ([("$", -1)] if fmt == "reversed" else []) + body


def positions(scheme, task, a, b, tokens):
    """Position ids of (token, significance) pairs at evaluation (no random offsets)."""
    if scheme == "coupled":
        # Cho et al. 2024: digit of significance s -> 1 + K - s, other tokens 1 + K + 1, [BOS]/[EOS] 0.
        top = len(a) + len(b) - 1 if task == "multiplication" else max(len(a), len(b))
        return [0 if t in SPECIALS else (1 + top - s if s >= 0 else 2 + top) for t, s in tokens]
    if scheme == "abacus":
        # McLeish et al. 2024: each run of digits numbered 1, 2, 3, ... in writing order; others 0.
        ids, run = [], 0
        for t, _ in tokens:
            run = run + 1 if t in DIGITS else 0
            ids.append(run)
        return ids
    if scheme == "absolute":
        return list(range(len(tokens)))
    return [0] * len(tokens)  # none: the batcher's ids are all 0 (a learned table then counts 0, 1, 2, ... itself)


class Transformer:
    """The lab's decoder (src/Models/Transformer.cs) in plain torch ops, from its state dict."""

    def __init__(self, w, config):
        self.w, self.c = w, config
        schemes = config["Schemes"]
        covered = ("Learned", "Abacus", "Coupled", "NeedsPositionIds")
        if any(used for name, used in schemes.items() if name not in covered):
            sys.exit(f"forward.py covers learned, coupled, Abacus or no positions, not {config['Positional']}")

    def norm(self, x, prefix):
        eps = self.c["NormEps"]
        if self.c["Norm"] == "RmsNorm":
            return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * self.w[prefix + ".weight"]
        return F.layer_norm(x, x.shape[-1:], self.w[prefix + ".weight"], self.w.get(prefix + ".bias"), eps)

    def linear(self, x, prefix):
        return F.linear(x, self.w[prefix + ".weight"], self.w.get(prefix + ".bias"))

    def attention(self, x, prefix):
        B, T, C = x.shape
        nh = self.c["Heads"]
        hs = C // nh
        q, k, v = self.linear(x, prefix + ".qkv").split(C, dim=-1)
        q, k, v = (t.view(B, T, nh, hs).transpose(1, 2) for t in (q, k, v))   # (B, nh, T, hs)
        scores = q @ k.transpose(-2, -1) / math.sqrt(hs)                        # (B, nh, T, T)
        causal = torch.ones(T, T, dtype=torch.bool).triu(1)
        pattern = scores.masked_fill(causal, float("-inf")).softmax(-1)
        z = (pattern @ v).transpose(1, 2).reshape(B, T, C)
        return self.linear(z, prefix + ".proj")

    def mlp(self, x, prefix):
        h = self.linear(x, prefix + ".fc_in")
        act, width = self.c["Activation"], self.c["FfWidth"]
        if act == "Gelu":
            h = F.gelu(h)
        elif act == "Relu":
            h = F.relu(h)
        else:  # gated: SwiGlu / GeGlu (Shazeer 2020)
            gate = F.silu(h[..., :width]) if act == "SwiGlu" else F.gelu(h[..., :width])
            h = gate * h[..., width:]
        return self.linear(h, prefix + ".fc_out")

    def logits(self, ids, pos):
        x = self.w["tok_embed.weight"][ids]                                     # (B, T, C)
        if "pos_embed.weight" in self.w:
            # The learned table reads the ids when data.positions is absolute (LearnedFromIds), else 0, 1, 2, ...
            x = x + (self.w["pos_embed.weight"][pos] if self.c["LearnedFromIds"] else self.w["pos_embed.weight"][: ids.shape[1]])
        for table in ("coupled.weight", "abacus.weight"):
            if table in self.w:
                x = x + self.w[table][pos]
        pre = self.c["NormPlacement"] == "Pre"
        for i in range(self.c["Layers"]):
            p = f"blocks.{i}"
            if pre:
                x = x + self.attention(self.norm(x, p + ".ln_1"), p + ".attn")
                x = x + self.mlp(self.norm(x, p + ".ln_2"), p + ".mlp")
            else:
                x = self.norm(x + self.attention(x, p + ".attn"), p + ".ln_1")
                x = self.norm(x + self.mlp(x, p + ".mlp"), p + ".ln_2")
        if pre:
            x = self.norm(x, "ln_f")
        head = self.w.get("lm_head.weight", self.w["tok_embed.weight"])         # tied unless lm_head exists
        return x @ head.T                                                       # (B, T, V)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    tensors, meta = load(argv[0])
    if meta.get("arithlab_model", "transformer") != "transformer":
        sys.exit(f"forward.py covers the plain transformer, not {meta['arithlab_model']}")
    config = json.loads(meta["config"])
    keys = experiment_keys(meta["experiment"])
    task, fmt, scheme = keys["task.name"], keys["data.format"], keys["data.positions"]
    vocab, op = vocabulary(task, fmt, keys.get("data.spaces") == "true")
    if len(vocab) != config["VocabSize"]:
        sys.exit(f"rebuilt {len(vocab)} tokens but the checkpoint's embedding has {config['VocabSize']}")
    if keys.get("data.spaces") == "true":
        sys.exit("forward.py does not write spaced prompts")
    a, b = parse(argv[1])
    model = Transformer({k: v.float() for k, v in tensors.items()}, config)

    tokens = prompt(a, b, op, fmt)
    prompt_length = len(tokens)
    ids = [vocab.index(t) for t, _ in tokens]
    with torch.no_grad():
        while len(tokens) < 2 * prompt_length + 8:
            pos = positions(scheme, task, a, b, tokens)
            logits = model.logits(torch.tensor([ids]), torch.tensor([pos]))[0, -1]
            token = vocab[int(logits.argmax())]
            if token == "[EOS]":
                break
            # Answers written units first (reversed, reversed-all): the j-th answer digit has significance j.
            written = sum(1 for t, _ in tokens[prompt_length:] if t in DIGITS)
            unit_first = fmt in ("reversed", "reversed-all")
            tokens.append((token, written if token in DIGITS and unit_first else -1))
            ids.append(vocab.index(token))
    answer = "".join(t for t, _ in tokens[prompt_length:])
    if "--json" in argv:
        pos = positions(scheme, task, a, b, tokens)
        with torch.no_grad():
            every = model.logits(torch.tensor([ids]), torch.tensor([pos]))[0]    # (T, V) of the whole decoded row
        print(json.dumps({"vocabulary": vocab, "tokens": [t for t, _ in tokens], "ids": ids, "positions": pos,
                          "prompt_length": prompt_length, "logits": every.tolist(), "answer": answer}))
    else:
        print(f"{argv[1]} -> {answer}   ({fmt}, positions {scheme}; prompt {''.join(t for t, _ in tokens[1:prompt_length])})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
