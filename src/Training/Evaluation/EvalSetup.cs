using ArithLab.Data;
using ArithLab.Data.Positions;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Config;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// The data side of an experiment as evaluation needs it: task, format, vocabulary and position
/// scheme, built from the config through ArithLab.Data's registries (the one home of these names).
/// </summary>
public sealed record EvalSetup(TaskSpec Task, IFormat Format, CharTokenizer Tokenizer, PositionOptions Positions)
{
    public static EvalSetup From(ExperimentConfig config, EvalSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Data.Format == DataFormat.Fone)
        {
            throw new NotSupportedException("the fone format has no token-level answer to read back; evaluate FoNE runs with their numeric head");
        }
        var task = TaskRegistry.Get(ConfigKeys.TaskNames.NameOf(config.Task.Name), config.Task.Operands, config.Task.Modulus);
        var format = FormatRegistry.Get(ConfigKeys.Formats.NameOf(config.Data.Format), new FormatOptions(config.Data.Spaces, PadWidth(config, settings)));
        var positions = new PositionOptions
        {
            Scheme = config.Data.Positions switch
            {
                Config.PositionIds.None => PositionScheme.None,
                Config.PositionIds.Absolute => PositionScheme.Absolute,
                Config.PositionIds.Abacus => PositionScheme.Abacus,
                Config.PositionIds.Coupled => PositionScheme.Coupled,
                _ => throw new ArgumentOutOfRangeException(nameof(config), config.Data.Positions, "unknown position scheme"),
            },
            AbacusMaxOffset = config.Data.AbacusMaxK,
            Training = false,
        };
        return new EvalSetup(task, format, CharTokenizer.For(format, task), positions);
    }

    public EvalEncoder Encoder(int slack = 2) => new(Format, Tokenizer, Positions, slack);

    /// <summary><c>data.pad_width</c>, or when 0 the longest operand evaluated, which every padded problem must fit.</summary>
    private static int PadWidth(ExperimentConfig config, EvalSettings? settings)
    {
        if (config.Data.PadWidth > 0)
        {
            return config.Data.PadWidth;
        }
        var s = settings ?? EvalSettings.From(config);
        return new[] { s.GridA.Max, s.GridB.Max, config.Data.DigitsA.Max, config.Data.DigitsB.Max }.Concat(s.Beyond).Max();
    }
}
