using YamlDotNet.RepresentationModel;

namespace ArithLab.Training.Config;

/// <summary>
/// A value for one key (or a whole section) read from a YAML file other than the experiment's, such
/// as a sweep file's grid; messages about it name <paramref name="FileName"/> and the node's line.
/// </summary>
public sealed record ConfigPatch(string KeyPath, YamlNode Value, string FileName);
