namespace MLNet.SelfTraining.Tasks.Detection;

/// <summary>A detection pseudo target: the pseudo boxes of one unlabeled image, by descending score (none teaches "no object here").</summary>
/// <param name="Classes">The class of each pseudo box, 0…K−1 (key k + 1 is class k).</param>
/// <param name="Boxes">x0, y0, x1, y1 of each pseudo box, in pixels (4 per class).</param>
/// <param name="Scores">The teacher's score of each pseudo box.</param>
internal readonly record struct BoxPrediction(int[] Classes, float[] Boxes, float[] Scores)
{
    private const double MinimumScore = 1e-15;

    /// <summary>The number of pseudo boxes.</summary>
    public int Count => Classes.Length;

    /// <summary>The teacher's mean −ln(score) over the pseudo boxes (0 when there are none).</summary>
    public double PseudoLoss => Count == 0 ? 0 : Scores.Average(s => -Math.Log(Math.Max(s, MinimumScore)));

    /// <summary>The mean score of the pseudo boxes (0 when there are none): the image's confidence.</summary>
    public float MeanScore => Count == 0 ? 0f : (float)Scores.Average(s => (double)s);
}
