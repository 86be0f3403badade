"""Reads an ArithLab checkpoint's model.safetensors from the format's specification alone
(json + struct + torch, no safetensors package): prints each tensor as `name dtype d0,d1,...`,
one a line, after checking every tensor's bytes have the size its dtype and shape say, and
then the metadata keys as `meta KEY`. Exits 1 with a message on any inconsistency.

  read_checkpoint.py PATH
"""
import json
import struct
import sys

import torch

DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool}


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    buffer = data[8 + n:]
    metadata = header.pop("__metadata__", {})
    for name in sorted(header):
        entry = header[name]
        dtype = DTYPES[entry["dtype"]]
        begin, end = entry["data_offsets"]
        count = 1
        for d in entry["shape"]:
            count *= d
        size = torch.empty((), dtype=dtype).element_size()
        if end - begin != count * size:
            print(f"{name}: {end - begin} bytes for {count} elements of {entry['dtype']}")
            return 1
        tensor = torch.frombuffer(bytearray(buffer[begin:end]), dtype=dtype).reshape(entry["shape"])
        if dtype.is_floating_point and not torch.isfinite(tensor).all():
            print(f"{name}: not finite")
            return 1
        print(name, entry["dtype"], ",".join(str(d) for d in entry["shape"]))
    for key in sorted(metadata):
        print("meta", key)
    config = json.loads(metadata["config"])
    print("config d_model", config["DModel"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
