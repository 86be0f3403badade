"""Runs torch.optim / torch.nn.utils on a case given as JSON on stdin; prints results as JSON.

The C# optimizer tests send fixed parameters and per-step gradients and compare what
PyTorch computes with their own results. Input:
  {"optimizer": "adamw" | "sgd" | "none", "dtype": "float32" | "float64",
   "options": {...keyword arguments of the optimizer, without lr / weight_decay...},
   "groups": [{"params": [indices], "lr": x, "weight_decay": y}],
   "params": [{"shape": [...], "values": [...]}],
   "steps": [{"grads": [values or null per parameter], "clip": max_norm or null, "lr": x or null}]}
Output: {"params": [[values per parameter] after each step], "norms": [norm per step or null],
         "grads": [[clipped gradient per parameter or null] per step]}
"""
import json
import sys

import torch


def main():
    case = json.load(sys.stdin)
    dtype = getattr(torch, case["dtype"])
    params = [
        torch.tensor(p["values"], dtype=dtype).reshape(p["shape"]).requires_grad_()
        for p in case["params"]
    ]
    groups = [
        {"params": [params[i] for i in g["params"]], "lr": g["lr"], "weight_decay": g["weight_decay"]}
        for g in case["groups"]
    ]
    options = case.get("options", {})
    kind = case["optimizer"]
    if kind == "adamw":
        if "betas" in options:
            options["betas"] = tuple(options["betas"])
        optimizer = torch.optim.AdamW(groups, foreach=False, **options)
    elif kind == "sgd":
        optimizer = torch.optim.SGD(groups, foreach=False, **options)
    else:
        optimizer = None

    out = {"params": [], "norms": [], "grads": []}
    for step in case["steps"]:
        for p, g in zip(params, step["grads"]):
            p.grad = None if g is None else torch.tensor(g, dtype=dtype).reshape(p.shape)
        norm = None
        if step.get("clip") is not None:
            norm = float(torch.nn.utils.clip_grad_norm_(params, step["clip"]))
        out["norms"].append(norm)
        out["grads"].append([None if p.grad is None else p.grad.reshape(-1).tolist() for p in params])
        if optimizer is not None:
            if step.get("lr") is not None:
                for group in optimizer.param_groups:
                    group["lr"] = step["lr"]
            optimizer.step()
        out["params"].append([p.detach().reshape(-1).tolist() for p in params])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
