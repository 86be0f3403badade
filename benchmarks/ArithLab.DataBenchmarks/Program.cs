using System.Diagnostics;
using ArithLab.Data;
using ArithLab.Data.Batching;
using ArithLab.Data.Positions;
using ArithLab.Data.Sampling;
using ArithLab.Data.Tasks;
using ArithLab.Data.Tokenization;

// Data-generation throughput: sampling, formatting, tokenizing and batching 20-digit additions on one thread.
// Usage: dotnet run -c Release --project benchmarks/ArithLab.DataBenchmarks [-- seconds-per-case]
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2.0;
const int Digits = 20;
const int BatchSize = 256;

Console.WriteLine($"20-digit additions, batch {BatchSize}, one thread, {seconds:F1} s per case ({Environment.ProcessorCount} cores visible)");
foreach (var scheme in new[] { PositionScheme.Absolute, PositionScheme.Abacus, PositionScheme.Coupled })
{
    foreach (var formatName in new[] { "plain", "reversed-all" })
    {
        var task = TaskSpec.Addition;
        var format = FormatRegistry.Get(formatName);
        var tokenizer = CharTokenizer.For(format, task);
        var sampler = new ProblemSampler(new SamplerOptions(task, Digits, Digits, Seed: 1));
        var source = new SamplerSource(sampler, format, tokenizer, maxTokens: 3 * Digits + 8);
        var options = new BatchOptions
        {
            BatchSize = BatchSize,
            MaxLength = 3 * Digits + 10,
            Positions = new PositionOptions { Scheme = scheme, Training = true },
        };
        Measure($"{scheme,-8} {formatName,-12}", new BatchStream(source, tokenizer.Vocabulary, options, seed: 1), seconds);
    }
}

static void Measure(string name, BatchStream stream, double seconds)
{
    // Warm up for a second so that tiered compilation (which runs in the background) has
    // produced optimised code before timing.
    var warmup = Stopwatch.StartNew();
    while (warmup.Elapsed.TotalSeconds < 1.0)
    {
        stream.Next();
    }
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var batches = 0L;
    var checksum = 0L;
    // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        var batch = stream.Next();
        checksum += batch.Width;
        batches++;
    }
    watch.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    var examples = batches * stream.Options.BatchSize;
    var perSecond = examples / watch.Elapsed.TotalSeconds;
    var bytesPerBatch = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)batches;
    Console.WriteLine($"{name}  {perSecond / 1e6,6:F2} M examples/s wall  {examples / cpu / 1e6,6:F2} M examples/CPU-s  {bytesPerBatch,6:F1} B allocated/batch  (checksum {checksum})");
}
