namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>A Fisher–Yates shuffle driven by <see cref="SplitMix64"/>, so that its result is the same on every platform.</summary>
internal static class SeededShuffle
{
    /// <summary>
    /// Shuffles <paramref name="items"/> in place: for i from the last index down to 1, j = a draw below i + 1, and
    /// items i and j are swapped.
    /// </summary>
    public static void Shuffle(Span<int> items, SplitMix64 generator)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = generator.NextBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
