namespace ArithLab.Cli.Sweeps;

/// <summary>What one run of a sweep gets: CPU threads, and the device (null keeps the experiment's runtime.device).</summary>
internal sealed record RunResources(int Threads, string? Device);
