using ArithLab.Probes.Patching;

namespace ArithLab.Probes.Tests;

[Collection(CopyModelCollection.Name)]
public class ActivationPatchingTests(CopyModel toy)
{
    [Fact]
    public void A_model_whose_answer_depends_on_one_position_lights_up_exactly_there()
    {
        var random = new Random(5);
        var clean = CopyModel.Draw(random, 32);
        var corrupted = CopyModel.Draw(random, 32);
        for (var b = 0; b < 32; b++)
        {
            corrupted[b, CopyModel.Source] = (clean[b, CopyModel.Source] + 1 + random.Next(CopyModel.Vocabulary - 1)) % CopyModel.Vocabulary;
        }
        using var cleanIds = CopyModel.Ids(clean);
        using var corruptedIds = CopyModel.Ids(corrupted);
        var metric = new LogitDifference(CopyModel.Length - 1,
            Enumerable.Range(0, 32).Select(b => (int)clean[b, CopyModel.Source]).ToArray(),
            Enumerable.Range(0, 32).Select(b => (int)corrupted[b, CopyModel.Source]).ToArray());

        var table = ActivationPatching.Run(toy.Model, cleanIds, corruptedIds, null, ["blocks.0.hook_resid_pre", "blocks.0.hook_resid_post"], metric);

        Assert.True(table.CleanDifference > 2, $"the toy copies: clean logit difference {table.CleanDifference}");
        for (var t = 0; t < CopyModel.Length; t++)
        {
            // Before the block the answer lives at the source token; after it, at the last token.
            Assert.Equal(t == CopyModel.Source ? 1 : 0, table.Recovered[0, t], 0.15);
            Assert.Equal(t == CopyModel.Length - 1 ? 1 : 0, table.Recovered[1, t], 0.05);
        }
    }

    [Fact]
    public void Normalised_difference_is_0_at_the_corrupted_and_1_at_the_clean_value()
    {
        Assert.Equal(0, LogitDifference.Normalised(-1, 3, -1));
        Assert.Equal(1, LogitDifference.Normalised(3, 3, -1));
        Assert.Equal(0.5, LogitDifference.Normalised(1, 3, -1));
    }
}
