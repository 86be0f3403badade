namespace ArithLab.Torch.Nn;

/// <summary>Module operations that return the module as its own type, for chaining: <c>var model = new Gpt(config).To(device);</c></summary>
public static class ModuleExtensions
{
    /// <summary>Training mode for the module and every module below it (dropout active).</summary>
    public static T Train<T>(this T module, bool training = true) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.SetTraining(training);
        return module;
    }

    /// <summary>Evaluation mode for the module and every module below it (dropout off).</summary>
    public static T Eval<T>(this T module) where T : Module => module.Train(false);

    /// <summary>Moves every parameter and buffer to <paramref name="device"/>, in place (see <see cref="Module"/>).</summary>
    public static T To<T>(this T module, Device device) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.MoveTo(null, device);
        return module;
    }

    /// <summary>Casts every floating-point parameter and buffer to <paramref name="dtype"/>, in place; the tensors stay the same objects.</summary>
    public static T To<T>(this T module, ScalarType dtype) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.MoveTo(dtype, null);
        return module;
    }

    public static T To<T>(this T module, ScalarType dtype, Device device) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.MoveTo(dtype, device);
        return module;
    }
}
