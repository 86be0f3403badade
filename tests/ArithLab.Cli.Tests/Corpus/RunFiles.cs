using System.Security.Cryptography;

namespace ArithLab.Cli.Tests.Corpus;

/// <summary>Every file under a folder with its content hash, to show that a refused command changed nothing.</summary>
internal static class RunFiles
{
    // run.lock has no content to compare, and a lock the test holds cannot be read.
    public static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "run.lock")
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    /// <summary>Asserts every file is still there with the same bytes, and none was added (run.lock aside).</summary>
    public static void AssertUnchanged(IReadOnlyDictionary<string, string> before, string folder)
    {
        var after = Snapshot(folder);
        foreach (var (file, hash) in before)
        {
            Assert.True(after.TryGetValue(file, out var now), $"{file} was removed");
            Assert.True(now == hash, $"{file} was changed");
        }
        var added = after.Keys.Except(before.Keys).ToList();
        Assert.True(added.Count == 0, "files were added: " + string.Join(", ", added));
    }
}
