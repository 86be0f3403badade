using System.Globalization;
using System.Numerics;
using ArithLab.Data;
using ArithLab.Data.Tokenization;
using ArithLab.Training.Evaluation;

namespace ArithLab.Training.Tests.Evaluation;

/// <summary>
/// A stand-in model for plain-format addition: it reads "a+b=" from the prompt and answers as
/// <see cref="Behaviour"/> says for each (a, b), so tests know every answer's fate in advance.
/// </summary>
internal sealed class ArithmeticGenerator(CharTokenizer tokenizer, Func<BigInteger, BigInteger, ArithmeticGenerator.Reply> behaviour) : IAnswerGenerator
{
    public enum Reply
    {
        Right,
        WrongValue,
        NeverStops,
        Garbled,
    }

    public List<int> BatchSizes { get; } = [];

    public IReadOnlyList<int[]> Generate(IReadOnlyList<GenerationRequest> requests)
    {
        BatchSizes.Add(requests.Count);
        return requests.Select(Answer).ToArray();
    }

    private int[] Answer(GenerationRequest request)
    {
        var prompt = tokenizer.DecodeText(request.PromptIds.AsSpan(1));                  // "a+b="
        var parts = prompt.TrimEnd('=').Split('+');
        var a = BigInteger.Parse(parts[0], CultureInfo.InvariantCulture);
        var b = BigInteger.Parse(parts[1], CultureInfo.InvariantCulture);
        var text = behaviour(a, b) switch
        {
            Reply.Right => (a + b).ToString(CultureInfo.InvariantCulture),
            Reply.WrongValue => (a + b + 1).ToString(CultureInfo.InvariantCulture),
            Reply.NeverStops => new string('9', request.MaxNewTokens),
            _ => "1+",
        };
        var ids = text.Select(c => tokenizer.Id(c.ToString())).ToList();
        if (ids.Count < request.MaxNewTokens)
        {
            ids.Add(Vocabulary.EosId);
        }
        return ids.Take(request.MaxNewTokens).ToArray();
    }
}
