using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArithLab.Torch.Native;

/// <summary>
/// Finds libarithlab_native.so: $ARITHLAB_NATIVE (a file or folder), then next to the
/// assembly, then native/build/ of a source checkout above it.
/// </summary>
internal static class NativeLibraryLoader
{
    internal const string LibraryName = "arithlab_native";
    private const string FileName = "libarithlab_native.so";

    // The resolver must be in place before the first P/Invoke of this assembly; a module
    // initializer is the one hook that runs early enough without a call the user must remember.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }
        foreach (var candidate in Candidates())
        {
            if (File.Exists(candidate))
            {
                return NativeLibrary.Load(candidate);
            }
        }
        throw new DllNotFoundException(
            $"{FileName} was not found (looked in: {string.Join(", ", Candidates())}). " +
            "Build it with scripts/build-native.sh or point ARITHLAB_NATIVE at it.");
    }

    private static IEnumerable<string> Candidates()
    {
        var configured = Environment.GetEnvironmentVariable("ARITHLAB_NATIVE");
        if (!string.IsNullOrEmpty(configured))
        {
            yield return Directory.Exists(configured) ? Path.Combine(configured, FileName) : configured;
        }
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "native", "build", FileName);
        }
    }
}
