using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>
/// Reads a fitted teacher's class probabilities from its output: the multiclass <c>Score</c> vector, or the binary
/// <c>Probability</c> column as the pair (1 − p, p). Rejects outputs that are not probabilities.
/// </summary>
internal sealed class TeacherScores
{
    private const float Tolerance = 1e-3f;

    private TeacherScores(DataViewSchema.Column column, int classCount, bool isBinary)
    {
        Column = column;
        ClassCount = classCount;
        IsBinary = isBinary;
    }

    /// <summary>The score or probability column.</summary>
    public DataViewSchema.Column Column { get; }

    /// <summary>The number of classes (2 for binary).</summary>
    public int ClassCount { get; }

    /// <summary>Whether the teacher is a binary classifier.</summary>
    public bool IsBinary { get; }

    /// <summary>Finds and checks the teacher's probability column in <paramref name="schema"/>.</summary>
    public static TeacherScores Create(DataViewSchema schema, bool isBinary, string columnName)
    {
        var column = schema.GetColumnOrNull(columnName);
        if (isBinary)
        {
            if (column is null || column.Value.Type != NumberDataViewType.Single)
            {
                throw new InvalidOperationException(
                    $"The binary teacher's output was expected to have a Single column '{columnName}' holding calibrated probabilities; got {(column is null ? "no such column" : column.Value.Type.ToString())}. " +
                    "Self-training needs probabilities: use a calibrated trainer (e.g. LbfgsLogisticRegression, SdcaLogisticRegression, FastTree) or append a calibrator (mlContext.BinaryClassification.Calibrators.Platt()).");
            }

            return new TeacherScores(column.Value, 2, isBinary: true);
        }

        if (column is null || column.Value.Type is not VectorDataViewType { ItemType: NumberDataViewType, Size: > 1 } vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw new InvalidOperationException(
                $"The multiclass teacher's output was expected to have a known-size vector of Single '{columnName}' with one probability per class; got {(column is null ? "no such column" : column.Value.Type.ToString())}.");
        }

        return new TeacherScores(column.Value, vector.Size, isBinary: false);
    }

    /// <summary>
    /// Makes a reader over <paramref name="row"/> that fills the class probabilities of the current row and returns
    /// <see langword="false"/> when they hold NaN (e.g. from NaN features). Throws when the values are not a
    /// probability distribution.
    /// </summary>
    public Func<float[], bool> MakeReader(DataViewRow row)
    {
        if (IsBinary)
        {
            var getter = row.GetGetter<float>(Column);
            return probabilities =>
            {
                float p = 0;
                getter(ref p);
                if (float.IsNaN(p))
                {
                    return false;
                }

                CheckRange(p, p, 1f);
                probabilities[0] = 1 - p;
                probabilities[1] = p;
                return true;
            };
        }

        var vectorGetter = row.GetGetter<VBuffer<float>>(Column);
        var buffer = default(VBuffer<float>);
        return probabilities =>
        {
            vectorGetter(ref buffer);
            buffer.CopyTo(probabilities);
            float sum = 0, min = float.MaxValue, max = float.MinValue;
            foreach (var p in probabilities)
            {
                if (float.IsNaN(p))
                {
                    return false;
                }

                sum += p;
                min = Math.Min(min, p);
                max = Math.Max(max, p);
            }

            CheckRange(min, max, sum);
            return true;
        };
    }

    private void CheckRange(float min, float max, float sum)
    {
        if (min < -Tolerance || max > 1 + Tolerance || Math.Abs(sum - 1) > Tolerance * ClassCount)
        {
            throw new InvalidOperationException(
                $"The teacher's '{Column.Name}' column was expected to hold class probabilities (each in [0, 1], summing to 1); got values in [{min}, {max}] summing to {sum}. " +
                "Use a trainer that outputs probabilities (LbfgsMaximumEntropy, SdcaMaximumEntropy, LightGbm, or a calibrated binary trainer), not an uncalibrated one such as SdcaNonCalibrated.");
        }
    }

    /// <summary>The index of the largest probability and its value.</summary>
    public static (int ClassIndex, float Confidence) ArgMax(float[] probabilities)
    {
        int best = 0;
        for (int i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return (best, probabilities[best]);
    }
}
