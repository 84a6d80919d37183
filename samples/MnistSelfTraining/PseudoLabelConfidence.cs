using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;

namespace MnistSelfTraining;

/// <summary>
/// The class and confidence of every pseudo label a run selected, rebuilt from what the library exposes: per unlabeled
/// row, <see cref="SelfTrainingTransformer.LabeledIteration"/> (the round it was selected in) and
/// <see cref="SelfTrainingTransformer.PseudoLabels"/> (its class); its confidence is the top probability the round's
/// teacher gave it (round 1: <see cref="SelfTrainingTransformer.Teacher"/>, round r: the student of round r − 1, kept by
/// <see cref="SelfTrainingOptions.KeepRoundModels"/>). Exact when pseudo labels are not re-scored (the default).
/// </summary>
internal static class PseudoLabelConfidence
{
    /// <param name="model">A run fitted with <see cref="SelfTrainingOptions.KeepRoundModels"/>.</param>
    /// <param name="unlabeled">The unlabeled data given to the run.</param>
    public static (int Class, float Confidence)[] Of(SelfTrainingTransformer model, IDataView unlabeled)
    {
        var teachers = model.Rounds.Select((r, i) => i == 0 ? model.Teacher : model.Rounds[i - 1].Student!).ToList();
        var topScores = teachers.Select(t => t.Transform(unlabeled).GetColumn<float[]>("Score").Select(s => s.Max()).ToArray()).ToList();
        return Enumerable.Range(0, model.LabeledIteration.Count)
            .Where(row => model.LabeledIteration[row] >= 1)
            .Select(row => (model.PseudoLabels[row], topScores[model.LabeledIteration[row] - 1][row]))
            .ToArray();
    }
}
