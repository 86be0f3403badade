using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

public sealed class ScratchTests
{
    [Fact]
    public void Print()
    {
        const string yaml = """
            name: quick
            model:
              d_modle: 64
              heads: four
              activation: gleu
            train:
              lr: abc
            lr: 3
            """;
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "q.yaml", ["train.lr=abc", "model.d_modle=3"]));
        Console.WriteLine(e.Message);
        Console.WriteLine(ConfigWriter.Write(ExperimentConfig.Default));
        Assert.Fail(e.Message + "\n" + ConfigWriter.Write(ExperimentConfig.Default));
    }
}
