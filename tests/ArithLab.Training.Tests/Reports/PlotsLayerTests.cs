using ArithLab.Training.Reports;

namespace ArithLab.Training.Tests.Reports;

/// <summary>Figures go through ArithLab.Plots' recipes: Models and Training never touch the plotting library.</summary>
public class PlotsLayerTests
{
    [Theory]
    [InlineData("ArithLab.Training")]
    [InlineData("ArithLab.Models")]
    public void The_assembly_does_not_reference_ScottPlot_or_SkiaSharp(string name)
    {
        var assembly = name == "ArithLab.Training" ? typeof(RunReport).Assembly : typeof(ArithLab.Models.Transformer).Assembly;
        Assert.Equal(name, assembly.GetName().Name);
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.Contains("ArithLab.Torch", references);
        Assert.DoesNotContain(references, r => r.StartsWith("ScottPlot", StringComparison.Ordinal) || r.StartsWith("SkiaSharp", StringComparison.Ordinal));
    }
}
