using ArithLab.Torch.Native;

namespace ArithLab.Torch;

// Losses, with PyTorch's semantics and defaults.
public static partial class Functional
{
    /// <summary>
    /// Cross-entropy of unnormalized <paramref name="logits"/> (N, C), (N, C, d1, ...) or (C)
    /// against class indices <paramref name="targets"/> (N), (N, d1, ...) or () in int64, or
    /// against class probabilities shaped like the logits — as PyTorch's
    /// <c>F.cross_entropy</c>. Targets equal to <paramref name="ignoreIndex"/> add nothing
    /// and are left out of the mean. With <paramref name="labelSmoothing"/> ε the target
    /// distribution is (1 − ε)·onehot + ε/C (Szegedy et al. 2016, §7).
    /// </summary>
    /// <param name="weight">Per-class weights (C), or null for equal weights.</param>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets, long ignoreIndex = -100, double labelSmoothing = 0,
                                      Reduction reduction = Reduction.Mean, Tensor? weight = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        if (labelSmoothing is < 0 or > 1 || double.IsNaN(labelSmoothing))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "label smoothing must be in [0, 1]");
        }
        var result = Status.Wrap(NativeMethods.al_cross_entropy(logits.Handle, targets.Handle, Tensor.OptionalHandle(weight),
                                                                (int)reduction, ignoreIndex, labelSmoothing, out var r), r);
        GC.KeepAlive(weight);
        return result;
    }

    /// <summary>Squared error (input − target)², reduced; the shapes must be equal.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return Status.Wrap(NativeMethods.al_mse_loss(input.Handle, target.Handle, (int)reduction, out var r), r);
    }

    /// <summary>Absolute error |input − target|, reduced; the shapes must be equal.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return Status.Wrap(NativeMethods.al_l1_loss(input.Handle, target.Handle, (int)reduction, out var r), r);
    }
}
