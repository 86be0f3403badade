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
}
