namespace MLNet.SelfTraining.Training;

/// <summary>
/// Per unlabeled row, what self-training decided: the round it was labeled in (−1 never), its pseudo target, the
/// teacher's confidence and the row's multiplicity. Rows themselves are never held.
/// </summary>
/// <typeparam name="TTarget">The pseudo target of one row.</typeparam>
internal sealed class UnlabeledPool<TTarget>
{
    public UnlabeledPool(int count)
    {
        LabeledIteration = new int[count];
        Array.Fill(LabeledIteration, -1);
        Target = new TTarget[count];
        Confidence = new float[count];
        Multiplicity = new float[count];
    }

    public int Count => LabeledIteration.Length;

    public int[] LabeledIteration { get; }

    /// <summary>The pseudo target of each labeled row (default for the others).</summary>
    public TTarget[] Target { get; }

    public float[] Confidence { get; }

    public float[] Multiplicity { get; }

    /// <summary>The number of pseudo-labeled rows.</summary>
    public long PseudoLabeledCount => LabeledIteration.LongCount(i => i >= 0);

    public bool IsLabeled(long row) => LabeledIteration[row] >= 0;

    public void Label(int row, int round, TTarget target, float confidence, float multiplicity)
    {
        LabeledIteration[row] = round;
        Target[row] = target;
        Confidence[row] = confidence;
        Multiplicity[row] = multiplicity;
    }

    public void Unlabel(int row)
    {
        LabeledIteration[row] = -1;
        Target[row] = default!;
        Multiplicity[row] = 0;
    }
}
