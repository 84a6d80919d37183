using Microsoft.ML;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>Self-training of a classifier: one class per row, read from the teacher's class probabilities.</summary>
/// <param name="isBinary">Whether the teacher is a binary classifier (a <c>Probability</c> column and a Boolean label).</param>
internal sealed class ClassificationTask(bool isBinary) : SelfTrainingTask<ClassPrediction>
{
    /// <inheritdoc/>
    protected override TaskBinding<ClassPrediction> Bind(DataViewSchema training, SelfTrainingOptions options)
    {
        var label = training.GetColumnOrNull(options.LabelColumnName)
            ?? throw new ArgumentException(
                $"Label column '{options.LabelColumnName}' was expected in the training data; got columns {string.Join(", ", training.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.",
                nameof(SelfTrainingOptions.LabelColumnName));
        var scoreColumn = options.ScoreColumnName ?? (isBinary ? DefaultColumnNames.Probability : DefaultColumnNames.Score);
        return new ClassificationBinding(LabelCodec.Create(label, isBinary), isBinary, scoreColumn, options.Selection);
    }
}
