namespace MLNet.SelfTraining.SampleData;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014, as in Vigna's <c>splitmix64.c</c>): a tiny pseudo-random generator whose
/// output is fixed by its seed on every platform and runtime, unlike <see cref="Random"/>, and is easy to reproduce
/// elsewhere (e.g. in Python with integers masked to 64 bits). All arithmetic is modulo 2^64.
/// </summary>
internal sealed class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private const ulong Multiplier1 = 0xBF58476D1CE4E5B9;
    private const ulong Multiplier2 = 0x94D049BB133111EB;

    private ulong _state;

    /// <summary>Creates a generator whose state starts at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>
    /// Advances the state by 0x9E3779B97F4A7C15 and returns it mixed: <c>z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9;
    /// z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB; return z ^ (z &gt;&gt; 31)</c>.
    /// </summary>
    public ulong Next()
    {
        unchecked
        {
            _state += Gamma;
            var z = _state;
            z = (z ^ (z >> 30)) * Multiplier1;
            z = (z ^ (z >> 27)) * Multiplier2;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// Returns an integer in [0, <paramref name="bound"/>): the high 64 bits of the 128-bit product
    /// <c><see cref="Next"/>() × bound</c>, i.e. <c>floor(Next() × bound / 2^64)</c> (one draw, no rejection; the bias
    /// is below bound / 2^64).
    /// </summary>
    /// <param name="bound">The exclusive upper bound; positive.</param>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)Math.BigMul(Next(), (ulong)bound, out _);
    }
}
