using ArithLab.Data;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;
using ArithLab.Probes.Capture;
using ArithLab.Training.Probing;
using MathNet.Numerics.LinearAlgebra;

namespace ArithLab.Cli.Probing;

/// <summary>
/// The matrix the Fourier and helix probes analyse, rows indexed by a number's value: the embedding
/// of each number token (no hook), or a hook's activation while operand a sweeps 0…N−1 with b fixed.
/// </summary>
internal static class ValueRows
{
    public sealed record Rows(Matrix<double> Matrix, IReadOnlyList<double> Values, string Source);

    public static Rows Of(ProbeContext x, string? hook)
    {
        var modular = x.Data.Task.Kind == TaskKind.ModularAddition;
        if (hook is null)
        {
            // One token per number: residues under modular addition, else the ten digit tokens.
            var tokens = modular ? Enumerable.Range(0, x.Data.Task.Modulus).Select(TokenText.Residue).ToArray() : TokenText.Digits.ToArray();
            var ids = tokens.Select(x.Data.Tokenizer.Id).ToArray();
            return new Rows(ValueActivations.Rows(x.Model.TokenEmbedding, ids), Enumerable.Range(0, ids.Length).Select(v => (double)v).ToArray(),
                $"token embedding of {(modular ? "residues <0>…<" + (tokens.Length - 1) + ">" : "digits 0…9")}");
        }
        var n = x.Options.Values ?? (modular ? x.Data.Task.Modulus : 100);
        var batch = ProbeBatch.Of(x.Data, ProbeBatch.Sweep(x.Data, n, x.Options.FixedOperand));
        using var ids2 = batch.Ids();
        using var positions = batch.Positions();
        using var cache = x.Model.RunWithCache(ids2, positions, [hook]);
        var columns = Enumerable.Range(0, batch.Size).Select(b => Column(x, batch, b)).ToArray();
        return new Rows(ValueActivations.At(cache, hook, columns), Enumerable.Range(0, n).Select(v => (double)v).ToArray(),
            $"{hook} at {(x.Options.At == "last" ? "the token before the answer" : "operand a's last token")}, a = 0…{n - 1}, b = {x.Options.FixedOperand}");
    }

    public static int Column(ProbeContext x, ProbeBatch batch, int row) =>
        x.Options.At == "last" ? batch.AnswerStart(row) - 1 : batch.OperandEnd(row, 0);
}
