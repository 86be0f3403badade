namespace ArithLab.Training.Config;

/// <summary>The metrics file format (`runtime.log_format`).</summary>
public enum LogFormat
{
    Jsonl,
    Csv,
}
