using System.Numerics;

namespace ArithLab.Data.Batching;

/// <summary>
/// A seeded xoshiro256** generator (Blackman &amp; Vigna 2018) behind the <see cref="Random"/> API.
/// A seeded <c>new Random(seed)</c> falls back to .NET's slow legacy algorithm; the data hot path
/// needs tens of millions of draws per second, so streams use this one.
/// </summary>
public sealed class FastRandom : Random
{
    private ulong _s0, _s1, _s2, _s3;

    public FastRandom(long seed)
    {
        // State from SplitMix64, as the xoshiro authors recommend, so nearby seeds give unrelated streams.
        var x = (ulong)seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>64 uniformly random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    public override int Next() => (int)((NextUInt64() >> 33) % int.MaxValue);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        // Lemire's multiply-shift: the bias is at most maxValue / 2^32, far below sampling noise.
        return (int)(((NextUInt64() >> 32) * (ulong)maxValue) >> 32);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)(((NextUInt64() >> 32) * (ulong)((long)maxValue - minValue)) >> 32));
    }

    public override long NextInt64() => (long)(NextUInt64() >> 1) % long.MaxValue;

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (long)(NextUInt64() % (ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        return range == 0 ? minValue : minValue + (long)(NextUInt64() % range);
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    protected override double Sample() => NextDouble();

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
