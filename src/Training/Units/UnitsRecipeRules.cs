using ArithLab.Training.Config;
using ArithLab.Training.Precision;

namespace ArithLab.Training.Units;

/// <summary>
/// The low-precision keys of a units YAML checked by the experiments' own rules (<see cref="PrecisionRecipeRules"/>),
/// each error at the file, line and key the user wrote; plus the one rule of units alone: lmul is a recipe, not a role's format.
/// </summary>
internal static class UnitsRecipeRules
{
    public static IEnumerable<ConfigError> Check(UnitsConfig config, IReadOnlyDictionary<string, ConfigSource> sources, ConfigSource fallback)
    {
        var errors = new List<ConfigError>();
        void Add(string message, string[] keys)
        {
            var key = keys.FirstOrDefault(sources.ContainsKey) ?? keys[0];
            if (!errors.Any(e => e.KeyPath == key))
            {
                errors.Add(new ConfigError(key, sources.GetValueOrDefault(key, fallback), message));
            }
        }
        var low = config.Precision.LowPrecision;
        foreach (var (path, get) in PrecisionKeys.Roles.Where(r => UnitsKeys.Find(r.Path) is not null))
        {
            if (get(low).Choice == RoleFormatChoice.LMul)
            {
                Add("lmul is a multiplication, not a number format: precision.format: lmul makes every dot product of the unit network an L-Mul product", [path]);
            }
        }
        var experiment = ExperimentConfig.Default with { Precision = config.Precision.AsExperiment() };
        PrecisionRecipeRules.Check(experiment, (ok, message, keys) =>
        {
            if (!ok)
            {
                Add(message, keys);
            }
        });
        return errors;
    }
}
