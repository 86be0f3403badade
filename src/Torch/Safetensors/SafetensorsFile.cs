using System.Buffers.Binary;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArithLab.Torch.Safetensors;

/// <summary>
/// Reads and writes safetensors files (huggingface/safetensors): an 8-byte little-endian
/// header length N, N bytes of UTF-8 JSON mapping each tensor name to its dtype, shape and
/// [begin, end) byte offsets in the data buffer (plus optional <c>__metadata__</c> strings),
/// then the data buffer: the tensors' row-major little-endian bytes, back to back.
/// </summary>
public static class SafetensorsFile
{
    public const string MetadataKey = "__metadata__";

    /// <summary>The largest header we accept, as the reference implementation (100 MB).</summary>
    public const long MaxHeaderLength = 100_000_000;

    private static readonly JsonWriterOptions s_jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the tensors (from any device) and metadata atomically: to a temporary file in the
    /// same folder, flushed to disk, then renamed over <paramref name="path"/>, so that a crash
    /// leaves either the old file or the new one. Tensors are laid out by alignment (largest
    /// element first) then name, and the header is padded with spaces to a multiple of 8 bytes,
    /// so every tensor starts aligned to its element size.
    /// </summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors I/O assumes a little-endian host");
        }

        var layout = new List<(string Name, Tensor Tensor, ScalarType DType, long[] Shape, long Begin, long End)>();
        foreach (var (name, tensor) in tensors.OrderByDescending(kv => kv.Value.DType.ElementSize()).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(name) || name == MetadataKey)
            {
                throw new ArgumentException($"'{name}' cannot name a tensor in a safetensors file", nameof(tensors));
            }
            ArgumentNullException.ThrowIfNull(tensor, nameof(tensors));
            var dtype = tensor.DType;
            SafetensorsDType.Name(dtype); // throws for a dtype the format cannot hold
            var begin = layout.Count == 0 ? 0 : layout[^1].End;
            layout.Add((name, tensor, dtype, tensor.Shape, begin, begin + tensor.NumEl * dtype.ElementSize()));
        }

        var header = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(header, s_jsonOptions))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    ArgumentNullException.ThrowIfNull(value, nameof(metadata));
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            foreach (var entry in layout)
            {
                json.WriteStartObject(entry.Name);
                json.WriteString("dtype", SafetensorsDType.Name(entry.DType));
                json.WriteStartArray("shape");
                foreach (var d in entry.Shape)
                {
                    json.WriteNumberValue(d);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(entry.Begin);
                json.WriteNumberValue(entry.End);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var headerBytes = header.WrittenSpan.ToArray();
        var padded = (headerBytes.Length + 7) / 8 * 8;

        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
                stream.Write(length);
                stream.Write(headerBytes);
                for (var i = headerBytes.Length; i < padded; i++)
                {
                    stream.WriteByte((byte)' ');
                }
                foreach (var entry in layout)
                {
                    stream.Write(entry.Tensor.ToBytes());
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads every tensor (onto the CPU) and the metadata, after validating the whole header.</summary>
    /// <exception cref="SafetensorsFormatException">The file breaks the format; the message names the file and the problem.</exception>
    public static SafetensorsContent Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = OpenRead(path);
        var header = ReadHeader(stream, path);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var entry in header.Entries)
            {
                if (entry.ByteLength > Array.MaxLength)
                {
                    throw new SafetensorsFormatException(path, $"tensor '{entry.Name}' has {entry.ByteLength} bytes, more than one read can hold");
                }
                var bytes = new byte[entry.ByteLength];
                stream.Position = header.DataStart + entry.Begin;
                stream.ReadExactly(bytes);
                tensors[entry.Name] = Tensor.FromBytes(bytes, entry.Shape.ToArray(), entry.DType);
            }
        }
        catch
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
            throw;
        }
        return new SafetensorsContent(tensors, header.Metadata);
    }

    /// <summary>Reads and validates only the header (names, dtypes, shapes, offsets, metadata).</summary>
    public static SafetensorsHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = OpenRead(path);
        return ReadHeader(stream, path);
    }

    private static SafetensorsHeader ReadHeader(FileStream stream, string path)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors I/O assumes a little-endian host");
        }
        var fileLength = stream.Length;
        if (fileLength < 8)
        {
            throw new SafetensorsFormatException(path, $"the file has {fileLength} bytes, fewer than the 8 of the header length");
        }
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength == 0 || headerLength > MaxHeaderLength || headerLength > (ulong)(fileLength - 8))
        {
            throw new SafetensorsFormatException(path, $"header length {headerLength} does not fit: the file has {fileLength - 8} bytes after the length and headers are 1 to {MaxHeaderLength} bytes");
        }
        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var dataStart = 8 + (long)headerLength;
        return ParseHeader(headerBytes, fileLength - dataStart, dataStart, path);
    }

    private static SafetensorsHeader ParseHeader(byte[] headerBytes, long bufferLength, long dataStart, string path)
    {
        SafetensorsFormatException Bad(string problem) => new(path, problem);

        if (headerBytes[0] != (byte)'{')
        {
            throw Bad("the header does not start with '{'");
        }
        JsonDocument document;
        try
        {
            // Strict UTF-8 and JSON: malformed text is an error, not replacement characters.
            _ = new UTF8Encoding(false, true).GetCharCount(headerBytes);
            document = JsonDocument.Parse(headerBytes);
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw Bad($"the header is not UTF-8 JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Bad("the header is not a JSON object");
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var entries = new List<SafetensorsEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    throw Bad($"the key '{property.Name}' appears twice in the header");
                }
                if (property.Name == MetadataKey)
                {
                    ReadMetadata(property.Value, metadata, Bad);
                }
                else
                {
                    entries.Add(ReadEntry(property.Name, property.Value, bufferLength, Bad));
                }
            }

            // The tensors must tile the data buffer exactly: sorted by offset, each starts where
            // the previous one ends, and the last ends at the end of the file.
            entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            long position = 0;
            foreach (var entry in entries)
            {
                if (entry.Begin < position)
                {
                    throw Bad($"tensor '{entry.Name}' at bytes [{entry.Begin}, {entry.End}) overlaps the tensor before it, which ends at {position}");
                }
                if (entry.Begin > position)
                {
                    throw Bad($"bytes [{position}, {entry.Begin}) of the data buffer belong to no tensor (before '{entry.Name}')");
                }
                position = entry.End;
            }
            if (position != bufferLength)
            {
                throw Bad($"the tensors cover {position} bytes but the data buffer has {bufferLength}");
            }
            return new SafetensorsHeader(entries, metadata, dataStart);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, Func<string, SafetensorsFormatException> bad)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw bad($"{MetadataKey} is not an object of strings");
        }
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw bad($"{MetadataKey} value of '{item.Name}' is a {item.Value.ValueKind}, not a string");
            }
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
            {
                throw bad($"{MetadataKey} key '{item.Name}' appears twice");
            }
        }
    }

    private static SafetensorsEntry ReadEntry(string name, JsonElement value, long bufferLength, Func<string, SafetensorsFormatException> bad)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("data_offsets", out var offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array)
        {
            throw bad($"tensor '{name}' needs a string dtype, a shape array and a data_offsets array");
        }
        var dtypeName = dtypeElement.GetString()!;
        if (!SafetensorsDType.TryParse(dtypeName, out var dtype))
        {
            throw bad($"tensor '{name}' has dtype '{dtypeName}', which is unknown or unsupported (supported: F32, F64, F16, BF16, I64, I32, I8, U8, BOOL)");
        }
        var shape = new List<long>();
        foreach (var d in shapeElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out var size) || size < 0)
            {
                throw bad($"tensor '{name}' has a shape entry {d.GetRawText()} that is not a non-negative integer");
            }
            shape.Add(size);
        }
        var offsets = new List<long>();
        foreach (var o in offsetsElement.EnumerateArray())
        {
            if (o.ValueKind != JsonValueKind.Number || !o.TryGetInt64(out var offset) || offset < 0)
            {
                throw bad($"tensor '{name}' has a data offset {o.GetRawText()} that is not a non-negative integer");
            }
            offsets.Add(offset);
        }
        if (offsets.Count != 2 || offsets[0] > offsets[1])
        {
            throw bad($"tensor '{name}' needs data_offsets [begin, end] with begin <= end, got [{string.Join(", ", offsets)}]");
        }
        if (offsets[1] > bufferLength)
        {
            throw bad($"tensor '{name}' ends at byte {offsets[1]} of the data buffer, which has {bufferLength}");
        }
        long bytes;
        try
        {
            bytes = checked(shape.Aggregate(1L, (a, b) => checked(a * b)) * dtype.ElementSize());
        }
        catch (OverflowException)
        {
            throw bad($"tensor '{name}' has shape [{string.Join(", ", shape)}], too large to address");
        }
        if (bytes != offsets[1] - offsets[0])
        {
            throw bad($"tensor '{name}' of {dtypeName} [{string.Join(", ", shape)}] needs {bytes} bytes but its offsets span {offsets[1] - offsets[0]}");
        }
        return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    // A missing or unreadable file is an engine error like any other: a TorchException naming the path.
    private static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TorchException($"{path}: cannot read the file: {e.Message}", e);
        }
    }
}
