using System.Globalization;

namespace ArithLab.Plots.Layout;

/// <summary>Which of many crowded labels (heatmap rows and columns, bar categories) to draw.</summary>
internal static class LabelThinning
{
    private static readonly int[] Strides = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    /// <summary>The smallest stride of 1, 2, 5, 10, … at which a label <paramref name="needed"/> pixels long fits <paramref name="stride"/> slots of <paramref name="slot"/> pixels.</summary>
    public static int Stride(double needed, double slot)
    {
        foreach (var k in Strides)
        {
            if (needed <= k * slot)
            {
                return k;
            }
        }
        return Strides[^1];
    }

    /// <summary>
    /// Which labels to draw when only every <paramref name="stride"/>-th fits. Integer labels (lengths
    /// 1..100) keep the multiples of the stride (5, 10, 15, …), as a person would; other labels keep
    /// every stride-th from the first.
    /// </summary>
    public static IReadOnlyList<int> Indices(IReadOnlyList<string> labels, int stride)
    {
        var all = Enumerable.Range(0, labels.Count);
        if (stride == 1)
        {
            return all.ToArray();
        }
        var numbers = labels.Select(l => int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToArray();
        if (numbers.All(n => n is not null))
        {
            var chosen = all.Where(i => numbers[i]!.Value % stride == 0).ToArray();
            // Only if that keeps labels at least a stride apart (the numbers could be sparse or shuffled).
            if (chosen.Length > 0 && chosen.Zip(chosen.Skip(1), (a, b) => b - a).All(gap => gap >= stride))
            {
                return chosen;
            }
        }
        return all.Where(i => i % stride == 0).ToArray();
    }
}
