using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tasks.Classification;

/// <summary>
/// Reads and writes a raw label column in terms of class indices (the teacher's score slots). Supports key
/// (<see cref="uint"/>), text and <see cref="float"/> labels for multiclass, and <see cref="bool"/> labels for binary.
/// </summary>
internal abstract class LabelCodec
{
    protected LabelCodec(DataViewSchema.Column column)
    {
        Column = column;
    }

    /// <summary>The raw label column.</summary>
    public DataViewSchema.Column Column { get; }

    /// <summary>Creates the codec for <paramref name="column"/>, or throws naming what was expected.</summary>
    public static LabelCodec Create(DataViewSchema.Column column, bool isBinary)
    {
        var type = column.Type;
        if (isBinary)
        {
            return type == BooleanDataViewType.Instance
                ? new BooleanLabelCodec(column)
                : throw TypeError(column, "Boolean (binary classification)");
        }

        return type switch
        {
            KeyDataViewType { RawType: var raw, Count: > 0 } key when raw == typeof(uint) => new KeyLabelCodec(column, (int)key.Count),
            TextDataViewType => new ValueLabelCodec<ReadOnlyMemory<char>>(column, v => v.Span.IsWhiteSpace(), v => v.ToString()),
            NumberDataViewType n when n == NumberDataViewType.Single => new ValueLabelCodec<float>(column, float.IsNaN, v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw TypeError(column, "a UInt32 key with a known count, Text or Single (multiclass classification)"),
        };
    }

    /// <summary>Makes a reader that tells whether the current row's label is missing (the row is unlabeled).</summary>
    public abstract Func<bool> MakeMissingReader(DataViewRow row);

    /// <summary>Makes a reader of the current row's label as text (<see langword="null"/> when missing); needs no teacher.</summary>
    public abstract Func<string?> MakeValueReader(DataViewRow row);

    /// <summary>Binds the codec to the teacher's classes; required before class-index reads and writes.</summary>
    public abstract void Bind(TeacherScores scores);

    /// <summary>Makes a reader of the current row's class index (−1 when missing).</summary>
    public abstract Func<int> MakeClassReader(DataViewRow row);

    /// <summary>A column of this label's type whose value is the class <paramref name="classOf"/> gives for a source row (−1 = missing).</summary>
    public abstract ComputedColumn MakeColumn(string name, Func<long, int> classOf);

    /// <summary>A column of this label's type holding the missing value.</summary>
    public abstract ComputedColumn MakeMissingColumn(string name);

    private static ArgumentException TypeError(DataViewSchema.Column column, string expected)
        => new($"Label column '{column.Name}' was expected to be {expected}; got {column.Type}.", "labelColumnName");
}
