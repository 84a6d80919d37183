namespace MLNet.SelfTraining.Training;

/// <summary>
/// Stratified, seeded splits of the labeled rows for the validation guard: a hold-out, or k folds. Strata are visited
/// in ordinal order and each stratum's rows shuffled with one <see cref="Random"/>, so a seed and the data fix the split.
/// </summary>
internal static class HeldOutRows
{
    /// <summary>The fewest labeled rows of a stratum that can be split (one to train on, one to hold out).</summary>
    public const int MinimumPerStratum = 2;

    /// <summary>The strata with fewer than <see cref="MinimumPerStratum"/> labeled rows, with their counts.</summary>
    public static IReadOnlyList<(string Stratum, int Rows)> TooSmall(string?[] strata)
        => Groups(strata).Where(g => g.Rows.Count < MinimumPerStratum).Select(g => (g.Stratum, g.Rows.Count)).ToList();

    /// <summary>Per row, whether it is held out: in each stratum round(n·fraction) rows, at least 1 and at most n − 1.</summary>
    public static bool[] HoldOut(string?[] strata, double fraction, int seed)
    {
        var random = new Random(seed);
        var heldOut = new bool[strata.Length];
        foreach (var (_, rows) in Groups(strata))
        {
            Shuffle(rows, random);
            int count = Math.Clamp((int)Math.Round(rows.Count * fraction, MidpointRounding.AwayFromZero), 1, rows.Count - 1);
            foreach (var row in rows.Take(count))
            {
                heldOut[row] = true;
            }
        }

        return heldOut;
    }

    /// <summary>Per row, its fold in [0, <paramref name="folds"/>) (−1 for an unlabeled row); each stratum dealt round the folds.</summary>
    public static int[] Folds(string?[] strata, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[strata.Length];
        Array.Fill(fold, -1);
        int next = 0;
        foreach (var (_, rows) in Groups(strata))
        {
            Shuffle(rows, random);
            foreach (var row in rows)
            {
                fold[row] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }

    private static IEnumerable<(string Stratum, List<int> Rows)> Groups(string?[] strata)
        => strata.Select((stratum, row) => (stratum, row))
            .Where(x => x.stratum is not null)
            .GroupBy(x => x.stratum!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.row).ToList()));

    private static void Shuffle(List<int> rows, Random random)
    {
        for (int i = rows.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }
}
