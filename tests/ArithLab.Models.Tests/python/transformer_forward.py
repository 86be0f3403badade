"""Re-implements the forward pass documented in docs/models.md in plain PyTorch.

Usage: transformer_forward.py DIR. Each case DIR/<name>.model.safetensors holds the weights
under their state-dict names with the model config as JSON in the metadata key "config";
DIR/<name>.inputs.safetensors holds input_ids, position_ids and the logits ArithLab computed.
Prints the largest absolute difference per case; exits 1 if any exceeds 1e-4.
"""
import json
import math
import os
import struct
import sys

import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "I32": torch.int32, "BOOL": torch.bool}


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    metadata = header.pop("__metadata__", {}) or {}
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        raw = bytearray(data[base + start:base + end])
        flat = torch.frombuffer(raw, dtype=dtype) if len(raw) else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"]).clone()
    return tensors, metadata


def alibi_slopes(n):
    def power_of_two(k):
        start = 2 ** (-8 / k)
        return [start ** i for i in range(1, k + 1)]
    closest = 2 ** math.floor(math.log2(n))
    if closest == n:
        return power_of_two(n)
    return power_of_two(closest) + power_of_two(2 * closest)[0::2][: n - closest]


def norm(cfg, sd, prefix, x):
    if cfg["Norm"] == "LayerNorm":
        return F.layer_norm(x, (x.shape[-1],), sd[prefix + ".weight"], sd.get(prefix + ".bias"), cfg["NormEps"])
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + cfg["NormEps"]) * sd[prefix + ".weight"]


def linear(sd, prefix, x):
    y = x @ sd[prefix + ".weight"].T
    if prefix + ".bias" in sd:
        y = y + sd[prefix + ".bias"]
    return y


def rope(x, positions, base):
    hs = x.shape[-1]
    half = hs // 2
    theta = base ** (-2 * torch.arange(half, dtype=torch.float64) / hs)
    angle = positions[:, None].double() * theta[None, :]           # (T, hs/2)
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * angle.cos() - x2 * angle.sin(), x2 * angle.cos() + x1 * angle.sin()], dim=-1)


def fire_bias(sd, prefix, T):
    i = torch.arange(T, dtype=torch.float64)[:, None]
    j = torch.arange(T, dtype=torch.float64)[None, :]
    c = sd[prefix + "c"]
    L = torch.abs(sd[prefix + "l_multiplier"] * sd[prefix + "init_l"])
    psi = lambda v: torch.log(torch.abs(c * v) + 1)
    u = psi(i - j) / (psi(torch.maximum(i, L)) + 1e-6)             # (T, T)
    h = torch.relu(linear(sd, prefix + "mlp_in", u[..., None]))
    return linear(sd, prefix + "mlp_out", h).permute(2, 0, 1)       # (nh, T, T)


def attention(cfg, sd, prefix, x):
    B, T, C = x.shape
    nh = cfg["Heads"]
    hs = C // nh
    schemes = set(cfg["Positional"].split("+"))
    q, k, v = linear(sd, prefix + "qkv", x).split(C, dim=-1)
    q, k, v = (t.view(B, T, nh, hs).transpose(1, 2) for t in (q, k, v))
    p = torch.arange(T)
    if "rope" in schemes:
        q, k = rope(q, p, cfg["RopeBase"]), rope(k, p, cfg["RopeBase"])
    s = q @ k.transpose(-2, -1) / math.sqrt(hs)
    dist = (p[:, None] - p[None, :]).double()                       # i − j
    if "alibi" in schemes:
        slopes = torch.tensor(alibi_slopes(nh), dtype=torch.float64)
        s = s - slopes[:, None, None] * dist
    if "hard_alibi" in schemes:
        windows = cfg.get("HardAlibiWindows") or [h + 1 if h < nh // 2 else 0 for h in range(nh)]
        for h, w in enumerate(windows):
            if w > 0:
                s[:, h] = s[:, h].masked_fill(dist >= w, float("-inf"))
    if "fire" in schemes:
        s = s + fire_bias(sd, prefix + "fire.", T)
    s = s.masked_fill(dist < 0, float("-inf"))
    z = torch.softmax(s, dim=-1) @ v
    return linear(sd, prefix + "proj", z.transpose(1, 2).reshape(B, T, C))


def mlp(cfg, sd, prefix, x):
    h = linear(sd, prefix + "fc_in", x)
    act = cfg["Activation"]
    if act == "Gelu":
        post = F.gelu(h)
    elif act == "Relu":
        post = torch.relu(h)
    else:
        gate, up = h.chunk(2, dim=-1)
        post = (F.silu(gate) if act == "SwiGlu" else F.gelu(gate)) * up
    return linear(sd, prefix + "fc_out", post)


def forward(cfg, sd, ids, position_ids):
    B, T = ids.shape
    C = cfg["DModel"]
    schemes = set(cfg["Positional"].split("+"))
    x = sd["tok_embed.weight"][ids]
    p = torch.arange(T)
    if "learned" in schemes:
        x = x + sd["pos_embed.weight"][p]
    if "sinusoidal" in schemes:
        i = torch.arange(C // 2, dtype=torch.float64)
        angle = p[:, None].double() / 10000 ** (2 * i / C)
        pe = torch.zeros(T, C, dtype=torch.float64)
        pe[:, 0::2], pe[:, 1::2] = angle.sin(), angle.cos()
        x = x + pe
    if "abacus" in schemes:
        x = x + sd["abacus.weight"][position_ids]
    if "coupled" in schemes:
        x = x + sd["coupled.weight"][position_ids]
    for layer in range(cfg["Layers"]):
        pre = f"blocks.{layer}."
        if cfg["NormPlacement"] == "Pre":
            x = x + attention(cfg, sd, pre + "attn.", norm(cfg, sd, pre + "ln_1", x))
            x = x + mlp(cfg, sd, pre + "mlp.", norm(cfg, sd, pre + "ln_2", x))
        elif cfg["NormPlacement"] == "Post":
            x = norm(cfg, sd, pre + "ln_1", x + attention(cfg, sd, pre + "attn.", x))
            x = norm(cfg, sd, pre + "ln_2", x + mlp(cfg, sd, pre + "mlp.", x))
        else:  # PrePost: Cho et al. 2024's layer_norm_position "pre_post"
            x = norm(cfg, sd, pre + "ln_1_post", x + attention(cfg, sd, pre + "attn.", norm(cfg, sd, pre + "ln_1", x)))
            x = norm(cfg, sd, pre + "ln_2_post", x + mlp(cfg, sd, pre + "mlp.", norm(cfg, sd, pre + "ln_2", x)))
    if cfg["NormPlacement"] != "Post":
        x = norm(cfg, sd, "ln_f", x)
    unembed = sd["lm_head.weight"] if "lm_head.weight" in sd else sd["tok_embed.weight"]
    return x @ unembed.T


def main():
    folder = sys.argv[1]
    worst = 0.0
    for name in sorted(f[: -len(".model.safetensors")] for f in os.listdir(folder) if f.endswith(".model.safetensors")):
        weights, metadata = load_safetensors(os.path.join(folder, name + ".model.safetensors"))
        cfg = json.loads(metadata["config"])
        sd = {k: (v.double() if v.is_floating_point() else v) for k, v in weights.items()}
        inputs, _ = load_safetensors(os.path.join(folder, name + ".inputs.safetensors"))
        with torch.no_grad():
            logits = forward(cfg, sd, inputs["input_ids"], inputs["position_ids"])
        diff = (logits - inputs["logits"].double()).abs().max().item()
        worst = max(worst, diff)
        print(f"{name}: max |diff| = {diff:.3g}")
    sys.exit(0 if worst <= 1e-4 else 1)


if __name__ == "__main__":
    main()
