namespace MLNet.SelfTraining.Training;

/// <summary>
/// Per unlabeled row, what self-training decided: the round it was labeled in (−1 never), its pseudo class, the
/// teacher's confidence and the row's class multiplicity, plus the latest round's scores. About 24 bytes a row;
/// rows themselves are never held.
/// </summary>
internal sealed class UnlabeledPool
{
    public UnlabeledPool(int count)
    {
        LabeledIteration = new int[count];
        Array.Fill(LabeledIteration, -1);
        PseudoClass = new int[count];
        Array.Fill(PseudoClass, -1);
        Confidence = new float[count];
        Multiplicity = new float[count];
        ScoredClass = new int[count];
        ScoredConfidence = new float[count];
    }

    public int Count => LabeledIteration.Length;

    public int[] LabeledIteration { get; }

    public int[] PseudoClass { get; }

    public float[] Confidence { get; }

    public float[] Multiplicity { get; }

    /// <summary>The predicted class of the latest scoring pass (scratch, valid for the rows it scored).</summary>
    public int[] ScoredClass { get; }

    /// <summary>The confidence of the latest scoring pass (scratch, valid for the rows it scored).</summary>
    public float[] ScoredConfidence { get; }

    /// <summary>Soft targets of pseudo-labeled rows, kept only for students that read them.</summary>
    public Dictionary<int, float[]> SoftTargets { get; } = [];

    public bool IsLabeled(long row) => LabeledIteration[row] >= 0;

    public void Label(int row, int round, int classIndex, float confidence, float multiplicity, float[]? soft)
    {
        LabeledIteration[row] = round;
        PseudoClass[row] = classIndex;
        Confidence[row] = confidence;
        Multiplicity[row] = multiplicity;
        if (soft is not null)
        {
            SoftTargets[row] = soft;
        }
    }

    public void Unlabel(int row)
    {
        LabeledIteration[row] = -1;
        PseudoClass[row] = -1;
        Multiplicity[row] = 0;
        SoftTargets.Remove(row);
    }
}
