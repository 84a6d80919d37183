using System.Globalization;
using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision.Study;

/// <summary>A cell of the study's tables: an augmentation policy and a number of labeled scenes (written <c>S4@1000</c>).</summary>
/// <param name="Policy">The augmentation policy of every arm of the cell.</param>
/// <param name="Labeled">Labeled scenes.</param>
internal sealed record StudyCell(AugmentationPolicy Policy, int Labeled)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Policy}@{Labeled}");
}
