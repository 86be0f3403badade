using ArithLab.Models;
using ArithLab.Models.Hooks;

namespace ArithLab.Training.Families;

/// <summary>The plain decoder <see cref="Models.Transformer"/>: checkpoint tag "transformer"; the family the probes read.</summary>
public sealed class TransformerAdapter(Transformer model) : CausalModelAdapter(model, model)
{
    public override string CheckpointTag => "transformer";

    public override object CheckpointConfig => model.Config;

    public override TransformerConfig Transformer => model.Config;

    public override HookRegistry Hooks => model.Hooks;

    public override Transformer ProbeTarget => model;
}
