using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary><c>Score</c>: the vector of class probabilities, NaN for a row that was not scored.</summary>
internal sealed class ScoreColumn : FloatVectorColumn
{
    public const string DefaultName = "Score";

    public ScoreColumn(ClassLabels classes)
        : base(DefaultName, classes.Count, 0, ClassifierAnnotations.Score(classes))
    {
    }
}
