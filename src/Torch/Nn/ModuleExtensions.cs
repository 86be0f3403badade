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

    /// <summary>
    /// Calls <paramref name="action"/> on every module of the tree in PyTorch's
    /// <c>Module.apply</c> order (each child's subtree in turn, then the module itself), so
    /// that a seeded initialisation draws in the same order as PyTorch's:
    /// <c>model.Apply(m => { if (m is Linear l) Init.Normal_(l.Weight, 0, 0.02); })</c>.
    /// </summary>
    public static T Apply<T>(this T module, Action<Module> action) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(action);
        Visit(module, action);
        return module;

        static void Visit(Module m, Action<Module> action)
        {
            foreach (var child in m.NamedChildren().Select(c => c.Module).Distinct(ReferenceEqualityComparer.Instance))
            {
                Visit((Module)child!, action);
            }
            action(m);
        }
    }

    /// <summary>Sets <c>RequiresGrad</c> on every parameter of the tree: <c>RequiresGrad_(false)</c> freezes a model (e.g. under a probe).</summary>
    public static T RequiresGrad_<T>(this T module, bool requiresGrad = true) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (var p in module.NamedParameters())
        {
            p.Parameter.RequiresGrad = requiresGrad;
        }
        return module;
    }
}
