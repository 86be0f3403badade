using ArithLab.Training.Config;

namespace ArithLab.Training.Runs;

/// <summary>The keys that change results and differ between two configs, for refusing a resume with a clear reason.</summary>
public static class ConfigDifference
{
    /// <summary>"key: saved → given" for every science key (and the seed) whose value differs.</summary>
    public static IReadOnlyList<string> Science(ExperimentConfig saved, ExperimentConfig given)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(given);
        var keys = ConfigKeys.All.Where(k => !k.IsShorthand && k.IsScience && k.Path is not ("name" or "description"));
        return keys
            .Select(k => (k.Path, Saved: k.ValueText(saved), Given: k.ValueText(given)))
            .Where(d => d.Saved != d.Given)
            .Select(d => $"{d.Path}: {d.Saved} → {d.Given}")
            .ToList();
    }
}
