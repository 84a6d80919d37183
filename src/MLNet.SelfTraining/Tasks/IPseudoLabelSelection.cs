namespace MLNet.SelfTraining.Tasks;

/// <summary>
/// Decides which of a scoring pass's predictions are confident enough to become pseudo labels, and with which
/// multiplicity. A selection may need the whole pass first (caps, class balancing): every prediction is
/// <see cref="Observe"/>d, then <see cref="Finish"/> is called, then <see cref="Multiplicity"/> is asked per row.
/// </summary>
/// <typeparam name="TTarget">The pseudo target of one row.</typeparam>
internal interface IPseudoLabelSelection<TTarget>
{
    /// <summary>Records one prediction; returns whether it is a candidate (passes the confidence test).</summary>
    bool Observe(in TTarget target, float confidence);

    /// <summary>Ends the pass.</summary>
    void Finish();

    /// <summary>The multiplicity (example weight factor) of a row <see cref="Observe"/> called a candidate: 0 when it is not selected.</summary>
    float Multiplicity(in TTarget target, float confidence);
}
