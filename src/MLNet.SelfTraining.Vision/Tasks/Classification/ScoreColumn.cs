using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Scoring;

namespace MLNet.SelfTraining.Vision.Tasks.Classification;

/// <summary><c>Score</c>: the vector of class probabilities, NaN for a row that was not scored.</summary>
internal sealed class ScoreColumn : OutputColumn<VBuffer<float>>
{
    public const string DefaultName = "Score";

    private readonly int _classCount;

    public ScoreColumn(ClassLabels classes)
        : base(DefaultName, new VectorDataViewType(NumberDataViewType.Single, classes.Count), ClassifierAnnotations.Score(classes))
    {
        _classCount = classes.Count;
    }

    protected override void Read(ReadOnlySpan<float> output, ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, _classCount);
        output.CopyTo(editor.Values);
        value = editor.Commit();
    }

    protected override void ReadMissing(ref VBuffer<float> value)
    {
        var editor = VBufferEditor.Create(ref value, _classCount);
        editor.Values.Fill(float.NaN);
        value = editor.Commit();
    }
}
