using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

/// <summary>One subscript entry as native/src/index.cpp reads it (struct AlIndex).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct AlIndex
{
    public int Kind;    // 0 integer, 1 slice, 2 ellipsis, 3 new axis, 4 bool, 5 tensor
    public int Flags;   // slices: bit 0 = start given, bit 1 = stop given
    public long Start;  // integer value, bool value (0/1) or slice start
    public long Stop;
    public long Step;
    public IntPtr Tensor;
}
