using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ArithLab.TorchSharpPeer;

// The transformer of benchmarks/python/train_peer.py and ArithLab's config (a)/(b) in TorchSharp:
// pre-norm, learned absolute positions, untied lm_head, GELU MLP 4x d_model, causal attention with
// explicit scores, no dropout, GPT-2 initialisation. TorchSharp names a module's parameters after
// its fields, so the fields carry ArithLab's state-dict names (blocks.0.attn.qkv.weight, ...) and a
// checkpoint moves between the two by name.
#pragma warning disable IDE1006, SA1300 // field names are the state-dict names

internal sealed class PeerAttention : Module<Tensor, Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly int _heads;

    public PeerAttention(int c, int heads) : base("attn")
    {
        _heads = heads;
        qkv = Linear(c, 3 * c);
        proj = Linear(c, c);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor mask)
    {
        var (b, t, c) = (x.shape[0], x.shape[1], x.shape[2]);
        var hs = c / _heads;
        var parts = qkv.call(x).split(c, dim: -1);
        var q = parts[0].view(b, t, _heads, hs).transpose(1, 2); // (B, nh, T, hs)
        var k = parts[1].view(b, t, _heads, hs).transpose(1, 2);
        var v = parts[2].view(b, t, _heads, hs).transpose(1, 2);
        var s = q.matmul(k.transpose(-2, -1)) * (1.0 / Math.Sqrt(hs)); // (B, nh, T, T)
        var a = s.masked_fill(mask, double.NegativeInfinity).softmax(-1);
        var z = a.matmul(v); // (B, nh, T, hs)
        return proj.call(z.transpose(1, 2).contiguous().view(b, t, c));
    }
}

internal sealed class PeerMlp : Module<Tensor, Tensor>
{
    private readonly Linear fc_in;
    private readonly Linear fc_out;

    public PeerMlp(int c) : base("mlp")
    {
        fc_in = Linear(c, 4 * c);
        fc_out = Linear(4 * c, c);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => fc_out.call(functional.gelu(fc_in.call(x)));
}

internal sealed class PeerBlock : Module<Tensor, Tensor, Tensor>
{
    private readonly LayerNorm ln_1;
    private readonly PeerAttention attn;
    private readonly LayerNorm ln_2;
    private readonly PeerMlp mlp;

    public PeerBlock(int c, int heads) : base("block")
    {
        ln_1 = LayerNorm(c);
        attn = new PeerAttention(c, heads);
        ln_2 = LayerNorm(c);
        mlp = new PeerMlp(c);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor mask)
    {
        x = x + attn.call(ln_1.call(x), mask);
        return x + mlp.call(ln_2.call(x));
    }
}

internal sealed class PeerTransformer : Module<Tensor, Tensor>
{
    private readonly Embedding tok_embed;
    private readonly Embedding pos_embed;
    private readonly ModuleList<PeerBlock> blocks;
    private readonly LayerNorm ln_f;
    private readonly Linear lm_head;

    public PeerTransformer(int vocab, int layers, int c, int heads, int maxSeqLen = 64) : base("transformer")
    {
        tok_embed = Embedding(vocab, c);
        pos_embed = Embedding(maxSeqLen, c);
        blocks = new ModuleList<PeerBlock>(Enumerable.Range(0, layers).Select(_ => new PeerBlock(c, heads)).ToArray());
        ln_f = LayerNorm(c);
        lm_head = Linear(c, vocab, hasBias: false);
        RegisterComponents();
        // GPT-2 initialisation (Radford et al. 2019), as ArithLab's GptInit and the PyTorch peer.
        using var noGrad = torch.no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("attn.proj.weight", StringComparison.Ordinal) || name.EndsWith("mlp.fc_out.weight", StringComparison.Ordinal))
            {
                init.normal_(p, 0.0, 0.02 / Math.Sqrt(2 * layers));
            }
            else if (name.EndsWith(".weight", StringComparison.Ordinal) && p.dim() == 2)
            {
                init.normal_(p, 0.0, 0.02);
            }
            else if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                init.zeros_(p);
            }
        }
    }

    public override Tensor forward(Tensor ids)
    {
        var t = ids.shape[1];
        var x = tok_embed.call(ids) + pos_embed.weight!.slice(0, 0, t, 1);
        // Built per forward pass, as the C# model and the PyTorch peer build theirs.
        var mask = torch.ones(t, t, dtype: ScalarType.Bool).triu(1);
        foreach (var block in blocks)
        {
            x = block.call(x, mask);
        }
        return lm_head.call(ln_f.call(x));
    }
}
