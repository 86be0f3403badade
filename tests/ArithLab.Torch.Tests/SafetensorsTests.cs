using System.Buffers.Binary;
using System.Text;
using ArithLab.Torch.Safetensors;

namespace ArithLab.Torch.Tests;

/// <summary>
/// Safetensors I/O against the format's specification: byte-exact hand-written files,
/// round trips of every dtype, rejection of malformed files, and cross-reading with an
/// independent Python implementation (python/safetensors_peer.py).
/// </summary>
public sealed class SafetensorsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arithlab-safetensors-" + Guid.NewGuid().ToString("N"));

    public SafetensorsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    // The content python/safetensors_peer.py knows, stated here independently.
    private static readonly Dictionary<string, string> s_peerMetadata = new()
    {
        ["format"] = "pt",
        ["note"] = "ünïcode ✓",
        ["config"] = "{\"lr\": 0.001}",
    };

    private static Dictionary<string, Tensor> PeerTensors() => new()
    {
        ["f32"] = Tensor.From(new float[] { 0.0f, 1.5f, -2.25f, 0.001f, 3.0e38f, -7.0f }, 2, 3),
        ["f64"] = Tensor.From(new double[] { 0.1, -1e300, 2.5 }),
        ["f16"] = Tensor.FromSpan<ushort>(new ushort[] { 0x3C00, 0xB800, 0x7BFF, 0x0400 }, new long[] { 2, 2 }, ScalarType.Float16),
        ["bf16"] = Tensor.FromSpan<ushort>(new ushort[] { 0x3F80, 0xC000, 0x3E20 }, new long[] { 3 }, ScalarType.BFloat16),
        ["i64"] = Tensor.From(new long[] { long.MinValue, long.MaxValue, 42 }),
        ["i32"] = Tensor.From(new int[] { int.MinValue, int.MaxValue, 0, -7 }, 2, 2),
        ["i8"] = Tensor.From(new sbyte[] { -128, 127, 0, -1 }),
        ["u8"] = Tensor.From(new byte[] { 0, 255, 128, 7 }),
        ["bool"] = Tensor.From(new bool[] { true, false, true }),
        ["scalar"] = Tensor.Scalar(7.5f),
        ["empty"] = Tensor.Zeros(0, 3),
    };

    private static void AssertPeerContent(SafetensorsContent content)
    {
        var t = content.Tensors;
        Assert.Equal(11, t.Count);
        Assert.Equal(new float[] { 0.0f, 1.5f, -2.25f, 0.001f, 3.0e38f, -7.0f }, t["f32"].ToArray<float>());
        Assert.Equal(new long[] { 2, 3 }, t["f32"].Shape);
        Assert.Equal(new double[] { 0.1, -1e300, 2.5 }, t["f64"].ToArray<double>());
        Assert.Equal(ScalarType.Float16, t["f16"].DType);
        Assert.Equal(new ushort[] { 0x3C00, 0xB800, 0x7BFF, 0x0400 }, t["f16"].ToArray<ushort>());
        Assert.Equal(ScalarType.BFloat16, t["bf16"].DType);
        Assert.Equal(new ushort[] { 0x3F80, 0xC000, 0x3E20 }, t["bf16"].ToArray<ushort>());
        Assert.Equal(new long[] { long.MinValue, long.MaxValue, 42 }, t["i64"].ToArray<long>());
        Assert.Equal(new int[] { int.MinValue, int.MaxValue, 0, -7 }, t["i32"].ToArray<int>());
        Assert.Equal(new long[] { 2, 2 }, t["i32"].Shape);
        Assert.Equal(new sbyte[] { -128, 127, 0, -1 }, t["i8"].ToArray<sbyte>());
        Assert.Equal(new byte[] { 0, 255, 128, 7 }, t["u8"].ToArray<byte>());
        Assert.Equal(new bool[] { true, false, true }, t["bool"].ToArray<bool>());
        Assert.Empty(t["scalar"].Shape);
        Assert.Equal(7.5f, t["scalar"].ToArray<float>()[0]);
        Assert.Equal(new long[] { 0, 3 }, t["empty"].Shape);
        Assert.Equal(s_peerMetadata, content.Metadata);
    }

    private static byte[] FileBytes(string headerJson, params byte[] data)
    {
        var header = Encoding.UTF8.GetBytes(headerJson);
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        return bytes;
    }

    [Fact]
    public void Writer_output_is_byte_exact_as_the_specification_lays_it_out()
    {
        using var scope = DisposeScope.Begin();
        var path = PathOf("exact.safetensors");
        SafetensorsFile.Save(path,
            new Dictionary<string, Tensor> { ["a"] = Tensor.From(new float[] { 1.0f, -2.0f }), ["b"] = Tensor.From(new byte[] { 7 }) },
            new Dictionary<string, string> { ["k"] = "v" });

        // Header: 131 bytes of JSON padded with 5 spaces to 136 (a multiple of 8); data: the F32
        // tensor first (larger elements first, for alignment), then the U8 one.
        var json = "{\"__metadata__\":{\"k\":\"v\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                 + "\"b\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[8,9]}}";
        Assert.Equal(131, json.Length);
        var expected = new List<byte> { 136, 0, 0, 0, 0, 0, 0, 0 };
        expected.AddRange(Encoding.ASCII.GetBytes(json + "     "));
        expected.AddRange(new byte[] { 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0, 0x07 }); // 1.0f, -2.0f LE, 7
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void Reader_reads_a_hand_written_file_with_unordered_keys_and_no_padding()
    {
        var path = PathOf("hand.safetensors");
        File.WriteAllBytes(path, FileBytes(
            "{\"y\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]},\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
            0x00, 0x00, 0x20, 0x40, 0xFE, 0xFF, 0xFF, 0xFF)); // 2.5f, −2
        using var content = SafetensorsFile.Load(path);
        Assert.Equal(new float[] { 2.5f }, content.Tensors["x"].ToArray<float>());
        Assert.Equal(new int[] { -2 }, content.Tensors["y"].ToArray<int>());
        Assert.Empty(content.Metadata);
        var header = SafetensorsFile.ReadHeader(path);
        Assert.Equal(new[] { "x", "y" }, header.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Every_supported_dtype_round_trips_with_shape_values_and_metadata()
    {
        using var scope = DisposeScope.Begin();
        var path = PathOf("all.safetensors");
        SafetensorsFile.Save(path, PeerTensors(), s_peerMetadata);
        using var content = SafetensorsFile.Load(path);
        AssertPeerContent(content);
    }

    [Fact]
    public void Saving_replaces_an_existing_file_and_leaves_no_temporary_files()
    {
        using var scope = DisposeScope.Begin();
        var path = PathOf("model.safetensors");
        SafetensorsFile.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.From(new float[] { 1 }) });
        SafetensorsFile.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.From(new float[] { 2, 3 }) });
        using var content = SafetensorsFile.Load(path);
        Assert.Equal(new float[] { 2, 3 }, content.Tensors["w"].ToArray<float>());
        Assert.Equal(new[] { "model.safetensors" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_file_intact_and_no_temporary_file()
    {
        using var scope = DisposeScope.Begin();
        var path = PathOf("keep.safetensors");
        SafetensorsFile.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.From(new float[] { 1 }) });
        var before = File.ReadAllBytes(path);
        var disposed = Tensor.From(new float[] { 2 });
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => SafetensorsFile.Save(path, new Dictionary<string, Tensor> { ["w"] = disposed }));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_file_of_metadata_only_round_trips_and_its_header_reads_without_data()
    {
        var path = PathOf("meta.safetensors");
        SafetensorsFile.Save(path, new Dictionary<string, Tensor>(), new Dictionary<string, string> { ["step"] = "12" });
        var header = SafetensorsFile.ReadHeader(path);
        Assert.Empty(header.Entries);
        Assert.Equal("12", header.Metadata["step"]);
        Assert.Equal(0, header.DataStart % 8);
        Assert.Equal(header.DataStart, new FileInfo(path).Length);
    }

    [Fact]
    public void Header_lists_names_dtypes_shapes_and_aligned_offsets()
    {
        using var scope = DisposeScope.Begin();
        var path = PathOf("header.safetensors");
        SafetensorsFile.Save(path, new Dictionary<string, Tensor>
        {
            ["mask"] = Tensor.From(new bool[] { true }),
            ["blocks.0.attn.qkv.weight"] = Tensor.Zeros(2, 3),
            ["ids"] = Tensor.From(new long[] { 1, 2 }),
        });
        var header = SafetensorsFile.ReadHeader(path);
        // Largest elements first (I64, then F32, then BOOL), each at an offset aligned to its size.
        Assert.Equal(new[] { "ids", "blocks.0.attn.qkv.weight", "mask" }, header.Entries.Select(e => e.Name));
        Assert.Equal(new[] { ScalarType.Int64, ScalarType.Float32, ScalarType.Bool }, header.Entries.Select(e => e.DType));
        Assert.Equal(new long[] { 2, 3 }, header.Entries[1].Shape);
        Assert.Equal(new long[] { 0, 16, 40 }, header.Entries.Select(e => e.Begin));
        Assert.Equal(new long[] { 16, 40, 41 }, header.Entries.Select(e => e.End));
    }

    [Fact]
    public void Writer_rejects_the_reserved_metadata_name_for_a_tensor()
    {
        using var scope = DisposeScope.Begin();
        Assert.Throws<ArgumentException>(() => SafetensorsFile.Save(PathOf("bad.safetensors"),
            new Dictionary<string, Tensor> { ["__metadata__"] = Tensor.Zeros(1) }));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("short", "fewer than the 8")]
    [InlineData("length-beyond-file", "header length 1000 does not fit")]
    [InlineData("not-json", "not UTF-8 JSON")]
    [InlineData("not-object-start", "does not start with '{'")]
    [InlineData("unknown-dtype", "dtype 'Q7'")]
    [InlineData("size-mismatch", "needs 12 bytes but its offsets span 8")]
    [InlineData("offset-out-of-range", "ends at byte 16 of the data buffer, which has 8")]
    [InlineData("overlap", "overlaps the tensor before it")]
    [InlineData("gap", "belong to no tensor")]
    [InlineData("trailing-bytes", "cover 4 bytes but the data buffer has 8")]
    [InlineData("reversed-offsets", "begin <= end")]
    [InlineData("duplicate-key", "appears twice")]
    [InlineData("metadata-not-string", "not a string")]
    [InlineData("negative-shape", "not a non-negative integer")]
    public void Reader_rejects_a_malformed_file_naming_the_file_and_the_problem(string kind, string message)
    {
        static string Entry(string name, string dtype, string shape, string offsets) =>
            $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":{offsets}}}";
        var eight = new byte[8];
        var bytes = kind switch
        {
            "short" => new byte[] { 1, 2, 3 },
            "length-beyond-file" => new byte[] { 0xE8, 0x03, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'}' },
            "not-json" => FileBytes("{\"a\": ", eight),
            "not-object-start" => FileBytes("[1, 2]", eight),
            "unknown-dtype" => FileBytes("{" + Entry("a", "Q7", "[2]", "[0,8]") + "}", eight),
            "size-mismatch" => FileBytes("{" + Entry("a", "F32", "[3]", "[0,8]") + "}", eight),
            "offset-out-of-range" => FileBytes("{" + Entry("a", "F32", "[4]", "[0,16]") + "}", eight),
            "overlap" => FileBytes("{" + Entry("a", "F32", "[2]", "[0,8]") + "," + Entry("b", "F32", "[1]", "[4,8]") + "}", eight),
            "gap" => FileBytes("{" + Entry("a", "F32", "[1]", "[4,8]") + "}", eight),
            "trailing-bytes" => FileBytes("{" + Entry("a", "F32", "[1]", "[0,4]") + "}", eight),
            "reversed-offsets" => FileBytes("{" + Entry("a", "F32", "[1]", "[8,4]") + "}", eight),
            "duplicate-key" => FileBytes("{" + Entry("a", "F32", "[1]", "[0,4]") + "," + Entry("a", "F32", "[1]", "[4,8]") + "}", eight),
            "metadata-not-string" => FileBytes("{\"__metadata__\":{\"epoch\":3}," + Entry("a", "F64", "[1]", "[0,8]") + "}", eight),
            "negative-shape" => FileBytes("{" + Entry("a", "F32", "[-2]", "[0,8]") + "}", eight),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var path = PathOf(kind + ".safetensors");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<SafetensorsFormatException>(() => SafetensorsFile.Load(path));
        Assert.Contains(message, e.Message);
        Assert.StartsWith(path, e.Message);
        Assert.Equal(path, e.Path);
    }

    [PythonTorchFact]
    public void Reads_a_file_written_by_the_independent_python_implementation()
    {
        var path = PathOf("from-python.safetensors");
        PythonTorchPeer.Run("safetensors_peer.py", "", "write", path);
        using var content = SafetensorsFile.Load(path);
        AssertPeerContent(content);
    }

    [PythonTorchFact]
    public void Independent_python_implementation_reads_what_we_write()
    {
        using var scope = DisposeScope.Begin();
        var path = PathOf("from-csharp.safetensors");
        SafetensorsFile.Save(path, PeerTensors(), s_peerMetadata);
        Assert.Equal("ok", PythonTorchPeer.Run("safetensors_peer.py", "", "check", path).Trim());
    }

    [Fact]
    public void Tensor_bytes_round_trip_and_a_wrong_byte_count_is_a_TorchException()
    {
        using var scope = DisposeScope.Begin();
        var t = Tensor.From(new int[] { 1, -2 });
        var bytes = t.ToBytes();
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF }, bytes);
        Assert.Equal(new int[] { 1, -2 }, Tensor.FromBytes(bytes, new long[] { 2 }, ScalarType.Int32).ToArray<int>());
        Assert.Throws<TorchException>(() => Tensor.FromBytes(bytes, new long[] { 3 }, ScalarType.Int32));
    }
}
