using System.Reflection;
using System.Runtime.InteropServices;

namespace ArithLab.Torch.Tests;

public class NativeEntryPointTests
{
    [Fact]
    public void Every_declared_native_function_resolves_in_the_built_library()
    {
        var type = typeof(Tensor).Assembly.GetType("ArithLab.Torch.Native.NativeMethods", throwOnError: true)!;
        var names = type.GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("al_", StringComparison.Ordinal))
            .Select(m => m.Name).Distinct().ToList();
        Assert.True(names.Count > 20, $"only {names.Count} native functions declared");
        LibTorch.SettledLiveTensors.ToString(); // loads the library through the assembly's resolver
        var library = NativeLibrary.Load("arithlab_native", typeof(Tensor).Assembly, null);
        var missing = names.Where(n => !NativeLibrary.TryGetExport(library, n, out _)).ToList();
        Assert.True(missing.Count == 0, "declared but not exported: " + string.Join(", ", missing));
    }
}
