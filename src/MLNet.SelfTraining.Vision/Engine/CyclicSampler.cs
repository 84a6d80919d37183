namespace MLNet.SelfTraining.Vision.Engine;

/// <summary>
/// Draws row indices from <c>[0, count)</c> in shuffled passes: each pass is a fresh seeded permutation, and a request
/// that runs past the end of a pass continues with the next one (so a small set is cycled).
/// </summary>
internal sealed class CyclicSampler
{
    private readonly int[] _order;
    private readonly Random _random;
    private int _next;

    public CyclicSampler(int count, Random random)
    {
        _order = Enumerable.Range(0, count).ToArray();
        _random = random;
        _next = count;
    }

    /// <summary>Returns the next <paramref name="size"/> indices.</summary>
    public int[] Next(int size)
    {
        var result = new int[size];
        for (var i = 0; i < size; i++)
        {
            if (_next == _order.Length)
            {
                _random.Shuffle(_order);
                _next = 0;
            }
            result[i] = _order[_next++];
        }
        return result;
    }
}
