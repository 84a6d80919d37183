using System.Globalization;
using MLNet.SelfTraining.SampleData;

namespace SelfTraining.Common;

/// <summary>
/// Which split of MNIST-10k a run uses, written as in the run configurations and on the command lines:
/// <c>canonical</c> (<see cref="MnistSplit.Canonical"/>) or <c>random:SEED</c> (<see cref="MnistSplit.Random"/> with
/// that seed: same test set and sizes, other labeled images).
/// </summary>
internal static class SplitChoice
{
    public const string Canonical = "canonical";

    private const string RandomPrefix = "random:";

    /// <summary>The split <paramref name="choice"/> of the embedded MNIST-10k with <paramref name="labeled"/> labeled images.</summary>
    public static MnistSplit Create(string choice, int labeled)
    {
        var data = MnistDataset.ReadEmbedded10k();
        return Seed(choice) is { } seed ? MnistSplit.Random(data, labeled, seed) : MnistSplit.Canonical(data, labeled);
    }

    /// <summary>The seed of a random split; <see langword="null"/> for the canonical one.</summary>
    /// <exception cref="ArgumentException"><paramref name="choice"/> is neither <c>canonical</c> nor <c>random:SEED</c>.</exception>
    public static int? Seed(string choice)
    {
        if (choice == Canonical)
        {
            return null;
        }

        if (choice.StartsWith(RandomPrefix, StringComparison.Ordinal)
            && int.TryParse(choice.AsSpan(RandomPrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }

        throw new ArgumentException($"Unknown split '{choice}'; expected '{Canonical}' or '{RandomPrefix}SEED'.", nameof(choice));
    }
}
