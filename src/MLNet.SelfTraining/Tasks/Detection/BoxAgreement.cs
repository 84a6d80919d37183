namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>
/// Whether an image's pseudo boxes agree with its true boxes: they pair one-to-one, each pair of the same class with an
/// IoU of at least <see cref="MinimumIou"/> (a perfect bipartite matching, found by augmenting paths). An image with
/// neither pseudo nor true boxes agrees.
/// </summary>
internal static class BoxAgreement
{
    /// <summary>The IoU a pseudo box needs with its true box (PASCAL's 0.5).</summary>
    public const double MinimumIou = 0.5;

    public static bool Agrees(BoxPrediction pseudo, int[] trueClasses, float[] trueBoxes)
    {
        int n = pseudo.Count;
        if (n != trueClasses.Length)
        {
            return false;
        }

        var edges = new bool[n, n];
        for (int p = 0; p < n; p++)
        {
            for (int t = 0; t < n; t++)
            {
                edges[p, t] = pseudo.Classes[p] == trueClasses[t] && BoxGeometry.Iou(pseudo.Boxes, p, trueBoxes, t) >= MinimumIou;
            }
        }

        var matchOfTrue = Enumerable.Repeat(-1, n).ToArray();
        for (int p = 0; p < n; p++)
        {
            if (!Augment(p, edges, matchOfTrue, new bool[n]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kuhn's step: finds a true box for pseudo box <paramref name="p"/>, moving earlier pairs along an alternating path if needed.</summary>
    private static bool Augment(int p, bool[,] edges, int[] matchOfTrue, bool[] visited)
    {
        for (int t = 0; t < matchOfTrue.Length; t++)
        {
            if (edges[p, t] && !visited[t])
            {
                visited[t] = true;
                if (matchOfTrue[t] < 0 || Augment(matchOfTrue[t], edges, matchOfTrue, visited))
                {
                    matchOfTrue[t] = p;
                    return true;
                }
            }
        }

        return false;
    }
}
