using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

/// <summary>A scalar as the shim takes it: the value with its kind, so integer stays integer.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct AlScalar
{
    public readonly double Real;
    public readonly long Integer;
    public readonly int Kind; // 0 floating, 1 integer, 2 bool

    private AlScalar(double real, long integer, int kind)
    {
        Real = real;
        Integer = integer;
        Kind = kind;
    }

    public static AlScalar Of(double value) => new(value, 0, 0);
    public static AlScalar Of(long value) => new(value, value, 1);
    public static AlScalar Of(bool value) => new(value ? 1 : 0, value ? 1 : 0, 2);

    public double ToDouble() => Kind == 0 ? Real : Integer;
}
