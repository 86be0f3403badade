"""An independent safetensors reader and writer, from the format's specification only
(json + struct + torch), to cross-check ArithLab's implementation.

  safetensors_peer.py write PATH   writes the known tensors and metadata below
  safetensors_peer.py check PATH   reads PATH and exits 1 (with a message) unless it holds
                                   exactly the known tensors and metadata, laid out as the
                                   format requires (8-aligned, space-padded header, tensors
                                   tiling the data buffer)
  safetensors_peer.py mlp PATH     loads a Linear-Tanh-Linear state dict (hidden.*, output.*)
                                   into torch.nn modules and prints the outputs, one a line,
                                   for the inputs read from stdin (one a line)
"""
import json
import struct
import sys

import torch

DTYPES = {
    "F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool,
}
NAMES = {v: k for k, v in DTYPES.items()}

# The known content. ArithLab's tests state the same values independently.
METADATA = {"format": "pt", "note": "ünïcode ✓", "config": "{\"lr\": 0.001}"}


def known_tensors():
    return {
        "f32": torch.tensor([[0.0, 1.5, -2.25], [0.001, 3.0e38, -7.0]], dtype=torch.float32),
        "f64": torch.tensor([0.1, -1e300, 2.5], dtype=torch.float64),
        # float16 bits 0x3C00 0xB800 0x7BFF 0x0400
        "f16": torch.tensor([[1.0, -0.5], [65504.0, 2.0 ** -14]], dtype=torch.float16),
        # bfloat16 bits 0x3F80 0xC000 0x3E20
        "bf16": torch.tensor([1.0, -2.0, 0.15625], dtype=torch.bfloat16),
        "i64": torch.tensor([-(2 ** 63), 2 ** 63 - 1, 42], dtype=torch.int64),
        "i32": torch.tensor([[-(2 ** 31), 2 ** 31 - 1], [0, -7]], dtype=torch.int32),
        "i8": torch.tensor([-128, 127, 0, -1], dtype=torch.int8),
        "u8": torch.tensor([0, 255, 128, 7], dtype=torch.uint8),
        "bool": torch.tensor([True, False, True], dtype=torch.bool),
        "scalar": torch.tensor(7.5, dtype=torch.float32),
        "empty": torch.zeros((0, 3), dtype=torch.float32),
    }


def to_bytes(t):
    t = t.contiguous()
    if t.dtype in (torch.float16, torch.bfloat16):
        t = t.view(torch.int16)
    elif t.dtype == torch.bool:
        t = t.to(torch.uint8)
    data = t.numpy().tobytes()
    return data if sys.byteorder == "little" else t.numpy().byteswap().tobytes()


def from_bytes(data, dtype, shape):
    if dtype in (torch.float16, torch.bfloat16):
        t = torch.frombuffer(bytearray(data), dtype=torch.int16).view(dtype) if data else torch.empty(0, dtype=dtype)
    elif dtype == torch.bool:
        t = torch.frombuffer(bytearray(data), dtype=torch.uint8).to(torch.bool) if data else torch.empty(0, dtype=dtype)
    else:
        t = torch.frombuffer(bytearray(data), dtype=dtype) if data else torch.empty(0, dtype=dtype)
    return t.reshape(shape)


def write(path, tensors, metadata):
    # Names in reverse order, to show readers do not depend on the writer's order.
    header, chunks, offset = {"__metadata__": metadata}, [], 0
    for name in sorted(tensors, reverse=True):
        data = to_bytes(tensors[name])
        header[name] = {"dtype": NAMES[tensors[name].dtype], "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    text = raw[8:8 + n]
    problems = []
    if n % 8 != 0:
        problems.append(f"header length {n} is not a multiple of 8")
    stripped = text.rstrip(b" ")
    if not stripped.endswith(b"}"):
        problems.append("header padding is not spaces")
    header = json.loads(text.decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    buffer = raw[8 + n:]
    tensors, spans = {}, []
    for name, info in header.items():
        begin, end = info["data_offsets"]
        spans.append((begin, end, name))
        dtype = DTYPES[info["dtype"]]
        tensors[name] = from_bytes(buffer[begin:end], dtype, info["shape"])
        if begin % max(1, tensors[name].element_size()) != 0:
            problems.append(f"{name} starts at {begin}, not aligned to its element size")
    position = 0
    for begin, end, name in sorted(spans):
        if begin != position:
            problems.append(f"{name} starts at {begin}, expected {position}")
        position = end
    if position != len(buffer):
        problems.append(f"tensors cover {position} of {len(buffer)} buffer bytes")
    return tensors, metadata, problems


def check(path):
    tensors, metadata, problems = read(path)
    expected = known_tensors()
    if set(tensors) != set(expected):
        problems.append(f"names {sorted(tensors)} != {sorted(expected)}")
    for name, want in expected.items():
        got = tensors.get(name)
        if got is None:
            continue
        if got.dtype != want.dtype or list(got.shape) != list(want.shape):
            problems.append(f"{name}: {got.dtype} {list(got.shape)} != {want.dtype} {list(want.shape)}")
        elif to_bytes(got) != to_bytes(want):
            problems.append(f"{name}: values {got.tolist()} != {want.tolist()}")
    if metadata != METADATA:
        problems.append(f"metadata {metadata} != {METADATA}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("ok")


def mlp(path):
    tensors, _, _ = read(path)
    hidden, output = tensors["hidden.weight"].shape[0], tensors["output.weight"].shape[0]
    model = torch.nn.Sequential()
    model.add_module("hidden", torch.nn.Linear(tensors["hidden.weight"].shape[1], hidden))
    model.add_module("tanh", torch.nn.Tanh())
    model.add_module("output", torch.nn.Linear(hidden, output))
    # strict: every name must match PyTorch's own state-dict names
    model.load_state_dict(tensors, strict=True)
    x = torch.tensor([float(line) for line in sys.stdin if line.strip()], dtype=torch.float32).reshape(-1, 1)
    with torch.no_grad():
        for value in model(x).reshape(-1).tolist():
            print(repr(value))


def main():
    command, path = sys.argv[1], sys.argv[2]
    if command == "write":
        write(path, known_tensors(), METADATA)
    elif command == "check":
        check(path)
    elif command == "mlp":
        mlp(path)
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
