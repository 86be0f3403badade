using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace ArithLab.TorchSharpPeer;

/// <summary>
/// float32 safetensors files (huggingface/safetensors: an 8-byte little-endian header length, a
/// JSON header of name → dtype, shape, data_offsets, then the raw little-endian data), read into and
/// written from a TorchSharp module's state dict by name. TorchSharp 0.107 reads and writes its own
/// format only, so the peer carries this much of the format itself.
/// </summary>
internal static class Safetensors
{
    public static Dictionary<string, Tensor> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = BitConverter.ToInt64(bytes, 0);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var tensors = new Dictionary<string, Tensor>();
        foreach (var entry in header.RootElement.EnumerateObject().Where(e => e.Name != "__metadata__"))
        {
            var dtype = entry.Value.GetProperty("dtype").GetString();
            if (dtype != "F32")
            {
                throw new InvalidDataException($"{path}: tensor '{entry.Name}' is {dtype}; the peer reads F32 only");
            }
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var values = new float[(offsets[1] - offsets[0]) / 4];
            Buffer.BlockCopy(bytes, (int)(8 + headerLength + offsets[0]), values, 0, values.Length * 4);
            tensors[entry.Name] = torch.tensor(values, shape);
        }
        return tensors;
    }

    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        var header = new Dictionary<string, object>();
        var data = new MemoryStream();
        foreach (var (name, tensor) in tensors.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
            var start = data.Length;
            data.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            header[name] = new { dtype = "F32", shape = tensor.shape, data_offsets = new[] { start, data.Length } };
        }
        header["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt", ["written_by"] = "TorchSharp peer" };
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        using var file = File.Create(path);
        file.Write(BitConverter.GetBytes((long)json.Length));
        file.Write(json);
        data.Position = 0;
        data.CopyTo(file);
    }

    /// <summary>Copies each tensor into the module's parameter of that name; every name on both sides must match.</summary>
    public static void LoadInto(torch.nn.Module module, Dictionary<string, Tensor> tensors)
    {
        var state = module.state_dict();
        var missing = state.Keys.Except(tensors.Keys).Order().ToList();
        var unexpected = tensors.Keys.Except(state.Keys).Order().ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new InvalidDataException($"state dict mismatch: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
        }
        using var noGrad = torch.no_grad();
        foreach (var (name, target) in state)
        {
            if (!target.shape.SequenceEqual(tensors[name].shape))
            {
                throw new InvalidDataException($"'{name}': shape [{string.Join(", ", tensors[name].shape)}] where the module has [{string.Join(", ", target.shape)}]");
            }
            target.copy_(tensors[name]);
        }
    }
}
