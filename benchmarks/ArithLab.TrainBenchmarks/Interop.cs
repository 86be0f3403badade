using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Torch.Safetensors;

namespace ArithLab.TrainBenchmarks;

/// <summary>
/// ArithLab's half of the checkpoint round trip with TorchSharp (benchmarks/run-torchsharp-interop.sh):
/// export trains config (a) for 20 steps and writes its weights as safetensors under their state-dict
/// names with the logits of batch 0; import loads the weights TorchSharp wrote back into a fresh model
/// and checks its logits against TorchSharp's. The two engines run in separate processes, each with
/// its own libtorch.
/// </summary>
internal static class Interop
{
    private const string Batches = "batches.bin";

    public static int Export(string dir)
    {
        Directory.CreateDirectory(dir);
        LibTorch.ManualSeed(1);
        var data = TrainBatches.Generate(BenchConfig.Digits, BenchConfig.BatchSize, count: 4, seed: 1);
        data.Write(Path.Combine(dir, Batches));
        using var model = new Transformer(BenchConfig.Parse("a").Model(data.VocabSize));
        var step = new TrainStep(model, learningRate: 1e-3, weightDecay: 0.1, clip: 1.0, shards: 1, fullLogits: true);
        for (var n = 0; n < 20; n++)
        {
            var (ids, targets, width) = data.Items[n % data.Items.Count];
            using var idsTensor = Tensor.From(ids, BenchConfig.BatchSize, width);
            using var targetTensor = Tensor.From(targets, BenchConfig.BatchSize, width);
            step.Run(idsTensor, targetTensor, targets, readLoss: false);
        }
        SafetensorsFile.Save(Path.Combine(dir, "arithlab.safetensors"), model.StateDict());
        var logits = Logits(model, data);
        WriteFloats(Path.Combine(dir, "arithlab-logits.bin"), logits);
        Console.WriteLine($"ArithLab: trained config (a) 20 steps; wrote arithlab.safetensors ({model.StateDict().Count} tensors) and the logits of batch 0");
        return 0;
    }

    public static int Import(string dir)
    {
        var data = ReadBatches(dir);
        using var model = new Transformer(BenchConfig.Parse("a").Model(data.VocabSize));
        using var file = SafetensorsFile.Load(Path.Combine(dir, "torchsharp.safetensors"));
        var result = model.LoadStateDict(file.Tensors);
        var logits = Logits(model, data);
        var expected = ReadFloats(Path.Combine(dir, "torchsharp-logits.bin"));
        var diff = logits.Zip(expected).Max(p => Math.Abs((double)p.First - p.Second));
        Console.WriteLine($"TorchSharp checkpoint in ArithLab: {file.Tensors.Count} tensors by name (missing {result.MissingKeys.Count}, unexpected {result.UnexpectedKeys.Count}), " +
                          $"logits of batch 0 differ from TorchSharp's by at most {diff:E2}");
        return diff < 1e-4 && logits.Length == expected.Length ? 0 : 1;
    }

    private static TrainBatches ReadBatches(string dir)
    {
        // The same generator and seed as Export wrote: regenerate rather than parse the file back.
        var data = TrainBatches.Generate(BenchConfig.Digits, BenchConfig.BatchSize, count: 4, seed: 1);
        var written = File.ReadAllBytes(Path.Combine(dir, Batches));
        var path = Path.GetTempFileName();
        data.Write(path);
        var same = written.AsSpan().SequenceEqual(File.ReadAllBytes(path));
        File.Delete(path);
        return same ? data : throw new InvalidDataException($"{Path.Combine(dir, Batches)} is not the batches this benchmark generates");
    }

    private static float[] Logits(Transformer model, TrainBatches data)
    {
        var (ids, _, width) = data.Items[0];
        using var scope = DisposeScope.Begin();
        using var noGrad = LibTorch.NoGrad();
        using var idsTensor = Tensor.From(ids, BenchConfig.BatchSize, width);
        return model.Forward(idsTensor).Contiguous().ToArray<float>();
    }

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private static void WriteFloats(string path, float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }
}
