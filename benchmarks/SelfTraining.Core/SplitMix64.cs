namespace SelfTraining.Core;

/// <summary>SplitMix64: a tiny, fast, seedable generator (one per row, so rows are independent of cursor order).</summary>
internal struct SplitMix64(ulong state)
{
    private ulong _state = state;
    private float _spare = float.NaN;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in (0, 1].</summary>
    public double NextDouble() => ((Next() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box–Muller, two values per pair of uniforms).</summary>
    public float NextGaussian()
    {
        if (!float.IsNaN(_spare))
        {
            var spare = _spare;
            _spare = float.NaN;
            return spare;
        }

        double radius = Math.Sqrt(-2 * Math.Log(NextDouble()));
        double angle = 2 * Math.PI * NextDouble();
        _spare = (float)(radius * Math.Sin(angle));
        return (float)(radius * Math.Cos(angle));
    }
}
