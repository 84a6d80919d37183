using Microsoft.ML;

namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>
/// The teacher's class probabilities of a cursor's current row, read and checked once per row however many output
/// columns use them.
/// </summary>
internal sealed class RowScores
{
    private readonly DataViewRow _row;
    private readonly Func<float[], bool> _read;
    private long _position = -1;

    public RowScores(TeacherScores scores, DataViewRow row)
    {
        _row = row;
        _read = scores.MakeReader(row);
        Probabilities = new float[scores.ClassCount];
    }

    public float[] Probabilities { get; }

    /// <summary>Whether the probabilities are numbers (not NaN).</summary>
    public bool Valid { get; private set; }

    public int ClassIndex { get; private set; }

    public float Confidence { get; private set; }

    /// <summary>Brings the values up to the row the cursor is on.</summary>
    public RowScores Current()
    {
        if (_row.Position != _position)
        {
            _position = _row.Position;
            Valid = _read(Probabilities);
            (ClassIndex, Confidence) = Valid ? TeacherScores.ArgMax(Probabilities) : (-1, float.NaN);
        }

        return this;
    }
}
