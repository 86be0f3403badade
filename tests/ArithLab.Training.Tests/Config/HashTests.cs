using ArithLab.Training.Config;

namespace ArithLab.Training.Tests.Config;

public sealed class HashTests
{
    [Fact]
    public void Hash_is_lowercase_sha256_hex()
    {
        var hash = ConfigHash.Of(ExperimentConfig.Default);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash[..12], ConfigHash.Short(ExperimentConfig.Default));
    }

    [Fact]
    public void Same_science_written_differently_has_the_same_hash()
    {
        var a = Yaml.Load("name: a\ntrain:\n  lr: 0.0003\n  steps: 100\ndata:\n  digits: {min: 1, max: 4}\n");
        var b = Yaml.Load("name: b\ndata:\n  digits:\n    a: {min: 1, max: 4}\n    b: {min: 1, max: 4}\ntrain: {steps: 100, lr: 3e-4}\n");
        Assert.Equal(ConfigHash.Of(a), ConfigHash.Of(b));
    }

    [Fact]
    public void Runtime_seed_name_and_description_do_not_change_the_hash()
    {
        var baseline = ExperimentConfig.Default;
        var plumbing = baseline with
        {
            Name = "other",
            Seed = 5,
            Description = "x",
            Runtime = new RuntimeConfig { Device = "cpu", Threads = 2, LogFormat = LogFormat.Csv, Progress = false },
        };
        Assert.Equal(ConfigHash.Of(baseline), ConfigHash.Of(plumbing));
    }

    [Theory]
    [InlineData("train.lr=0.002")]
    [InlineData("model.layers=3")]
    [InlineData("data.format=plain")]
    [InlineData("task.modulus=113")]
    [InlineData("precision.dtype=bfloat16")]
    [InlineData("eval.per_cell=10")]
    [InlineData("model.looped.input_injection=false")]
    public void Any_science_change_changes_the_hash(string change)
    {
        var changed = ConfigLoader.Apply(ExperimentConfig.Default, [change]);
        Assert.NotEqual(ConfigHash.Of(ExperimentConfig.Default), ConfigHash.Of(changed));
    }

    [Fact]
    public void A_key_spelled_out_at_its_default_hashes_as_if_left_out()
    {
        var spelled = Yaml.Load($"name: a\ntrain:\n  lr: 0.0003\nmodel:\n  dropout: 0\n  layers: {ExperimentConfig.Default.Model.Layers}\n");
        var omitted = Yaml.Load("name: a\ntrain:\n  lr: 0.0003\n");
        Assert.Equal(ConfigHash.Of(omitted), ConfigHash.Of(spelled));
    }

    [Fact]
    public void The_hashed_text_holds_only_the_keys_away_from_their_defaults()
    {
        // Defaults: digits 1–3 for a and b, 2 layers, lr 0.001. This text, and so this file's hash and
        // run name, is what a later version's new keys cannot change.
        var config = Yaml.Load("name: a\nseed: 4\ntrain:\n  lr: 0.0003\ndata:\n  digits: {min: 1, max: 7}\nmodel:\n  layers: 2\nruntime:\n  threads: 1\n");

        Assert.Equal("data:\n  digits:\n    a:\n      max: 7\n    b:\n      max: 7\n\ntrain:\n  lr: 0.0003\n", ConfigWriter.WriteScience(config));
    }

    [Fact]
    public void The_state_init_is_hashed_except_at_the_embedding_start_that_looped_runs_had_before_the_key()
    {
        const string looped = "name: a\nmodel:\n  layers: 1\n  looped: {block_layers: 1, recurrences: 4}\n";
        var zero = Yaml.Load(looped);
        var embedding = Yaml.Load(looped.Replace("recurrences: 4}", "recurrences: 4, state_init: embedding}", StringComparison.Ordinal));
        var noise = Yaml.Load(looped.Replace("recurrences: 4}", "recurrences: 4, state_init: noise}", StringComparison.Ordinal));

        // The text a looped run hashed before the key existed, which the embedding start keeps.
        Assert.Equal("model:\n  layers: 1\n  looped:\n    block_layers: 1\n    recurrences: 4\n", ConfigWriter.WriteScience(embedding));
        Assert.Contains("    state_init: zero\n", ConfigWriter.WriteScience(zero), StringComparison.Ordinal);
        Assert.Equal(3, new[] { zero, embedding, noise }.Select(ConfigHash.Of).Distinct().Count());

        // A model that is not looped never reads the state: the key leaves its hash alone.
        var plain = ConfigLoader.Apply(ExperimentConfig.Default, ["model.looped.state_init=noise"]);
        Assert.Equal(ConfigHash.Of(ExperimentConfig.Default), ConfigHash.Of(plain));
    }
}
