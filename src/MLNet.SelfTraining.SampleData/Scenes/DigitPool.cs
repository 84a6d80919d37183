namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// Hands out the MNIST indices of a pool in passes: each pass is a fresh seeded shuffle of the whole pool, so every
/// digit is used once per pass and a digit is used again only after every other digit of the pool was used.
/// </summary>
internal sealed class DigitPool
{
    private readonly int[] _order;
    private readonly SplitMix64 _generator;
    private int _next;

    /// <summary>Creates a pool of <paramref name="indices"/> (non-empty) that shuffles with <paramref name="generator"/>.</summary>
    public DigitPool(IReadOnlyList<int> indices, SplitMix64 generator)
    {
        _order = [.. indices];
        _generator = generator;
        _next = _order.Length;
    }

    /// <summary>Returns the next MNIST index, starting a new pass (a new shuffle) when the current one is used up.</summary>
    public int Next()
    {
        if (_next == _order.Length)
        {
            SeededShuffle.Shuffle(_order, _generator);
            _next = 0;
        }

        return _order[_next++];
    }
}
