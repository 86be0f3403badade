namespace ArithLab.Training.Units;

/// <summary>
/// λ_sparse at a step: λ̂ · clamp((t − start)/(end − start), 0, 1) (Madsen &amp; Johansen 2020, section 3.1;
/// stable-nalu's `--regualizer-scaling linear`). The paper's numbers: λ̂ = 10, start 10⁶, end 2·10⁶.
/// </summary>
public sealed record SparsityRamp(double Lambda, long Start, long End)
{
    public double At(long step)
    {
        if (End <= Start)
        {
            return step >= End ? Lambda : 0;
        }
        return Lambda * Math.Clamp((double)(step - Start) / (End - Start), 0, 1);
    }
}
