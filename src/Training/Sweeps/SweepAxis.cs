using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Sweeps;

/// <summary>One varied key of a sweep: its experiment key path and the values it takes, as written in the sweep file.</summary>
public sealed record SweepAxis(string KeyPath, IReadOnlyList<YamlNode> Values);
