using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>The classification selection of <see cref="PseudoLabelOptions"/>: per-class thresholds, caps and balancing.</summary>
internal sealed class ClassSelection(PseudoLabelOptions options, int classCount) : IPseudoLabelSelection<ClassPrediction>
{
    private readonly PseudoLabelSelector _selector = new(options, classCount);
    private PseudoLabelSelection? _selection;

    public bool Observe(in ClassPrediction target, float confidence) => _selector.Observe(target.Class, confidence);

    public void Finish() => _selection = _selector.Finish();

    public float Multiplicity(in ClassPrediction target, float confidence)
        => (_selection ?? throw new InvalidOperationException("The selection is not finished.")).WeightOfCandidate(target.Class, confidence);
}
