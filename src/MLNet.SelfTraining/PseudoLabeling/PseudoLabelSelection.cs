namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>A learned selection rule: per-class threshold, cut (the confidence of the last row kept under a cap) and multiplicity.</summary>
internal sealed class PseudoLabelSelection
{
    private readonly PseudoLabelOptions _options;

    public PseudoLabelSelection(PseudoLabelOptions options, float[] cuts, float[] multiplicity)
    {
        _options = options;
        Cuts = cuts;
        Multiplicity = multiplicity;
    }

    /// <summary>Per class, the lowest confidence kept by a cap (negative infinity when uncapped).</summary>
    public IReadOnlyList<float> Cuts { get; }

    /// <summary>Per class, the multiplicity (weight) of each selected row; 1 unless classes are balanced.</summary>
    public IReadOnlyList<float> Multiplicity { get; }

    /// <summary>The multiplicity of a row that passed the threshold: 0 when a cap leaves it out.</summary>
    public float WeightOfCandidate(int classIndex, float confidence)
        => confidence >= Cuts[classIndex] ? Multiplicity[classIndex] : 0f;

    /// <summary>The multiplicity of a row: 0 when it is not selected.</summary>
    public float WeightOf(int classIndex, float confidence)
        => confidence > _options.ThresholdOf(classIndex) && confidence >= Cuts[classIndex] ? Multiplicity[classIndex] : 0f;
}
