using System.Text.Json;
using ArithLab.Torch;
using ArithLab.Torch.Safetensors;

namespace ArithLab.Training.Checkpoints;

/// <summary>
/// Verifies a checkpoint before it is trusted: its state.json parses, its safetensors files read
/// whole, and every weight is finite. The trainer writes a checkpoint only when its weights are
/// finite (state.json says so in <c>WeightsFinite</c>), so a NaN found on loading means the file was
/// damaged after it was written.
/// </summary>
public static class CheckpointCheck
{
    /// <summary>Throws <see cref="CheckpointDamagedException"/> naming the checkpoint and what is wrong with it.</summary>
    public static void Verify(CheckpointInfo checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        CheckpointStore.ReadState(checkpoint);
        Readable(checkpoint, checkpoint.OptimizerPath, content => { });
        Readable(checkpoint, checkpoint.ModelPath, content => RequireFinite(checkpoint, content.Tensors));
    }

    /// <summary>Throws when a weight holds NaN or Inf, naming the first such tensor.</summary>
    public static void RequireFinite(CheckpointInfo checkpoint, IReadOnlyDictionary<string, Tensor> weights)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(weights);
        using var scope = DisposeScope.Begin();
        foreach (var (name, tensor) in weights.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (tensor.IsFinite().All().Item() == 0)
            {
                throw new CheckpointDamagedException(checkpoint,
                    $"checkpoint {checkpoint.Path} holds NaN or Inf in '{name}'; the trainer never writes non-finite weights, so the file has been damaged since it was written");
            }
        }
    }

    /// <summary>Loads one safetensors file of a checkpoint and runs <paramref name="use"/> on it; any read failure is a damaged checkpoint.</summary>
    public static void Readable(CheckpointInfo checkpoint, string path, Action<SafetensorsContent> use)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(use);
        try
        {
            using var content = SafetensorsFile.Load(path);
            use(content);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new CheckpointDamagedException(checkpoint, $"checkpoint {checkpoint.Path} is damaged: {e.Message}", e);
        }
    }

    /// <summary>The newest checkpoint older than <paramref name="damaged"/> that passes <see cref="Verify"/>, or null.</summary>
    public static CheckpointInfo? NewestIntactBefore(CheckpointStore store, CheckpointInfo damaged)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(damaged);
        foreach (var older in store.All().Where(c => c.Step < damaged.Step).Reverse())
        {
            try
            {
                Verify(older);
                return older;
            }
            catch (CheckpointDamagedException)
            {
            }
        }
        return null;
    }

    /// <summary>
    /// Failures that mean a file's content is wrong (as opposed to the machine refusing a read). Weights
    /// that read fine but do not fit the model (<see cref="ArithLab.Torch.Nn.StateDictException"/>) are a
    /// mismatch with the run's config, not damage, and pass through.
    /// </summary>
    internal static bool IsDamage(Exception e) =>
        e is not ArithLab.Torch.Nn.StateDictException && e is TorchException or InvalidDataException or JsonException or EndOfStreamException or FormatException or KeyNotFoundException
            or OverflowException or ArgumentException;
}
