using ArithLab.Torch.Nn;
using Xunit;

namespace ArithLab.Torch.Tests;

public class InlineChildrenTests
{
    // A container that builds its children and names them itself, as a model's positional stack does.
    private sealed class Group : Module
    {
        [NotState]
        private readonly List<(string Name, Module Module)> _items;

        public Group(params (string Name, Module Module)[] items) => _items = items.ToList();

        public override IEnumerable<(string Name, Module Module)> NamedChildren() => _items;
    }

    private sealed class Model : Module
    {
        public Embedding Wte { get; } = new(5, 3);

        [InlineChildren]
        public Group Extras { get; } = new(("pos_embed", new Embedding(4, 3)), ("head", new Linear(3, 2)));

        public LayerNorm LnF { get; } = new(3);
    }

    private sealed class WithOwnState : Module
    {
        [InlineChildren]
        public Linear Wrong { get; } = new(2, 2);
    }

    [Fact]
    public void Inlined_children_take_their_own_names_in_the_holders_place()
    {
        using var model = new Model();
        Assert.Equal(
            new[] { "wte.weight", "pos_embed.weight", "head.weight", "head.bias", "ln_f.weight", "ln_f.bias" },
            model.NamedParameters().Select(p => p.Name).ToArray());
        Assert.Equal(new[] { "", "wte", "pos_embed", "head", "ln_f" }, model.NamedModules().Select(m => m.Name).ToArray());
    }

    [Fact]
    public void Inlined_children_round_trip_the_state_dict_and_follow_train_and_eval()
    {
        using var source = new Model();
        using var target = new Model();
        using (var scope = DisposeScope.Begin())
        {
            var result = target.LoadStateDict(source.StateDict());
            Assert.Empty(result.MissingKeys);
            Assert.Empty(result.UnexpectedKeys);
            var head = target.NamedParameters().Single(p => p.Name == "head.weight").Tensor;
            var original = source.NamedParameters().Single(p => p.Name == "head.weight").Tensor;
            Assert.Equal(original.ToArray<float>(), head.ToArray<float>());
        }
        target.Eval();
        Assert.All(target.NamedModules(), m => Assert.False(m.Module.Training));
    }

    [Fact]
    public void An_inlined_member_with_parameters_of_its_own_is_refused()
    {
        // Not disposed through the tree, which refuses to list it; its own layer is disposed directly.
#pragma warning disable CA2000 // the tree refuses to list the inlined member, so the model cannot be disposed through it
        var model = new WithOwnState();
#pragma warning restore CA2000
        var error = Assert.Throws<InvalidOperationException>(() => model.NamedParameters().ToList());
        Assert.Contains("Wrong", error.Message, StringComparison.Ordinal);
        model.Wrong.Dispose();
    }
}
