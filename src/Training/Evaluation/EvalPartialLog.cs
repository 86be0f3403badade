using System.Globalization;
using System.Text;

namespace ArithLab.Training.Evaluation;

/// <summary>
/// <c>cells.partial.csv</c> in an evaluation's folder: each cell appended and flushed the moment it is
/// scored, so an evaluation stopped part way keeps what it measured. Opening it is also the check that
/// the folder can be written, before any work. Removed once the full results are written.
/// </summary>
public sealed class EvalPartialLog : IDisposable
{
    public const string FileName = "cells.partial.csv";
    public const string Header = "set," + EvalFiles.CellHeader;

    private readonly StreamWriter _writer;
    private readonly string _path;

    private EvalPartialLog(string path)
    {
        _path = path;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        _writer.WriteLine(Header);
        _writer.Flush();
    }

    /// <summary>Creates the folder and the log; throws (UnauthorizedAccessException, IOException) when the folder cannot be written.</summary>
    public static EvalPartialLog Open(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        return new EvalPartialLog(Path.Combine(folder, FileName));
    }

    /// <summary>One scored cell: "grid" or "beyond", then the columns of grid.csv.</summary>
    public void Append(CellResult cell, bool isGrid)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var row = EvalFiles.CellsCsv([cell]).Split('\n')[1];
        _writer.WriteLine((isGrid ? "grid," : "beyond,") + row);
        _writer.Flush();
    }

    /// <summary>The full results are written: the partial log is no longer needed.</summary>
    public void Complete()
    {
        _writer.Dispose();
        File.Delete(_path);
    }

    public void Dispose() => _writer.Dispose();
}
