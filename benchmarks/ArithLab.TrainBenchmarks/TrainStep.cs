using ArithLab.Models;
using ArithLab.Torch;
using ArithLab.Torch.Optim;
using ArithLab.Training.Loop;
using ArithLab.Training.Precision;

namespace ArithLab.TrainBenchmarks;

/// <summary>
/// One training step as the trainer does it — forward, cross-entropy on the answer tokens,
/// backward (through the trainer's <see cref="ShardedPass"/>: the batch split into one shard per
/// thread), gradient clipping, AdamW, dropping the gradients — inside a dispose scope, so that
/// every intermediate tensor is freed when the step ends. The forward pass computes logits at the
/// answer positions alone (<see cref="Transformer.LogitsAt"/>), as the trainer does; with
/// <c>fullLogits</c>, at every position, as a standard PyTorch script (and the peer) does. With a
/// <see cref="StepProfile"/> each phase is timed separately (forward and backward together when the
/// batch is split, as the shards' passes overlap).
/// </summary>
internal sealed class TrainStep
{
    private readonly Transformer _model;
    private readonly Tensor[] _parameters;
    private readonly AdamW _optimizer;
    private readonly double _clip;
    private readonly ShardedPass _pass;
    private readonly bool _fullLogits;
    private readonly IPrecisionPolicy? _precision;

    /// <param name="precision">A low-precision recipe to run the forward pass under (its region opened in each shard's thread), or null.</param>
    public TrainStep(Transformer model, double learningRate, double weightDecay, double clip, int shards, bool fullLogits, IPrecisionPolicy? precision = null)
    {
        _precision = precision;
        _model = model;
        _parameters = model.Parameters().ToArray();
        _optimizer = new AdamW(_parameters, learningRate, weightDecay: weightDecay);
        _clip = clip;
        _pass = new ShardedPass(shards, _parameters);
        _fullLogits = fullLogits;
    }

    /// <summary>
    /// Runs one step on ids and targets (B, W), the targets also on the host (B·W), and returns the
    /// loss (read only when asked, as reading it is not free).
    /// </summary>
    public double Run(Tensor ids, Tensor targets, long[] hostTargets, bool readLoss, StepProfile? profile = null)
    {
        double loss = double.NaN;
        using (var scope = DisposeScope.Begin())
        {
            profile?.Start();
            var answerTokens = (double)hostTargets.Count(t => t != TrainBatches.IgnoreIndex);   // on the host: no device sync
            var rows = (int)ids.Size(0);
            // Phases are timed only when one thread runs the whole batch; split shards overlap.
            var laps = _pass.Shards == 1 ? profile : null;
            var (lossValue, _) = _pass.Run(rows, (first, count) =>
            {
                using var region = _precision?.BeginForward();
                var shardIds = count == rows ? ids : ids.Narrow(0, first, count);
                Tensor logits, shardTargets;
                if (_fullLogits)
                {
                    logits = _model.Forward(shardIds);                                              // (b, W, V)
                    logits = logits.View(-1, logits.Size(-1));                                      // (b·W, V)
                    shardTargets = (count == rows ? targets : targets.Narrow(0, first, count)).Reshape(-1);
                }
                else
                {
                    var width = (int)ids.Size(1);
                    var (scored, scoredTargets) = Scored(hostTargets.AsSpan(first * width, count * width));
                    logits = _model.LogitsAt(shardIds, null, scored);                               // (N, V)
                    shardTargets = scoredTargets;
                }
                laps?.Lap(StepPhase.Forward);
                var lossTensor = Functional.CrossEntropy(logits, shardTargets, TrainBatches.IgnoreIndex, reduction: Reduction.Sum) / answerTokens;
                laps?.Lap(StepPhase.Loss);
                return new ShardResult(lossTensor, readLoss ? lossTensor.Item() : 0, 0);
            });
            profile?.Lap(StepPhase.Backward);
            GradClip.ClipGradNorm(_parameters, _clip);
            profile?.Lap(StepPhase.Clip);
            _optimizer.Step();
            _precision?.EndStep(gradientsFinite: true);
            profile?.Lap(StepPhase.Optimizer);
            // set_to_none, as the peer's zero_grad(set_to_none=True).
            foreach (var p in _parameters)
            {
                p.ZeroGrad();
            }
            profile?.Lap(StepPhase.ZeroGrad);
            if (readLoss)
            {
                loss = lossValue;
            }
            profile?.CountTensors(scope.Count);
        }
        profile?.Lap(StepPhase.Dispose);
        return loss;
    }

    /// <summary>The flat positions (N) of a shard's (b·W) targets that the loss counts, and their targets (N).</summary>
    private static (Tensor Rows, Tensor Targets) Scored(ReadOnlySpan<long> targets)
    {
        var rows = new List<long>();
        var kept = new List<long>();
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] != TrainBatches.IgnoreIndex)
            {
                rows.Add(i);
                kept.Add(targets[i]);
            }
        }
        return (Tensor.From(rows.ToArray(), rows.Count), Tensor.From(kept.ToArray(), kept.Count));
    }
}
