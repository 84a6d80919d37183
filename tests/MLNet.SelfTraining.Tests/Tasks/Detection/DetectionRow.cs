using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

/// <summary>
/// One image for detection tests: its boxes (empty for an unlabeled image), its true boxes (diagnostics), and a fixed
/// teacher output (<see cref="CopyTeacher"/> copies <see cref="TeacherLabels"/>, <see cref="TeacherBoxes"/> and
/// <see cref="TeacherScores"/>). Keys: class k is key k + 1, classes <see cref="Classes"/>.
/// </summary>
internal sealed class DetectionRow
{
    public static readonly string[] Classes = ["a", "b", "c"];

    public float[] Features { get; set; } = new float[4];

    public uint[] Labels { get; set; } = [];

    public float[] Box { get; set; } = [];

    public uint[] TrueLabels { get; set; } = [];

    public float[] TrueBox { get; set; } = [];

    public uint[] TeacherLabels { get; set; } = [];

    public float[] TeacherBoxes { get; set; } = [];

    public float[] TeacherScores { get; set; } = [];

    /// <summary>An unlabeled image whose teacher predicts <paramref name="boxes"/>; its true boxes are the teacher's unless given.</summary>
    public static DetectionRow Scored((int Class, float[] Box, float Score)[] boxes, (int Class, float[] Box)[]? truth = null) => new()
    {
        TrueLabels = (truth ?? boxes.Select(b => (b.Class, b.Box)).ToArray()).Select(t => (uint)t.Class + 1).ToArray(),
        TrueBox = (truth ?? boxes.Select(b => (b.Class, b.Box)).ToArray()).SelectMany(t => t.Box).ToArray(),
        TeacherLabels = boxes.Select(b => (uint)b.Class + 1).ToArray(),
        TeacherBoxes = boxes.SelectMany(b => b.Box).ToArray(),
        TeacherScores = boxes.Select(b => b.Score).ToArray(),
    };

    /// <summary>A labeled image whose teacher output is its own boxes at score 1.</summary>
    public static DetectionRow Labeled(params (int Class, float[] Box)[] boxes)
    {
        var row = Scored(boxes.Select(b => (b.Class, b.Box, 1f)).ToArray());
        (row.Labels, row.Box) = (row.TeacherLabels, row.TeacherBoxes);
        return row;
    }

    /// <summary>The rows as a view: the key columns have <see cref="Classes"/> as key values, <see cref="Labels"/> of <paramref name="labelClassCount"/> keys.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<DetectionRow> rows, int labelClassCount = 3)
    {
        var definition = SchemaDefinition.Create(typeof(DetectionRow));
        definition[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 4);
        KeyColumns.Define(definition, nameof(Labels), labelClassCount, labelClassCount == Classes.Length ? Classes : null);
        KeyColumns.Define(definition, nameof(TrueLabels), Classes.Length, Classes);
        KeyColumns.Define(definition, nameof(TeacherLabels), Classes.Length, Classes);
        return ml.Data.LoadFromEnumerable(rows.ToList(), definition);
    }

    /// <summary>One labeled image with a box of class a.</summary>
    public static IDataView OneLabeled(MLContext ml) => Load(ml, [Labeled((0, [0, 0, 10, 10]))]);

    /// <summary>A teacher that "predicts" the rows' fixed output.</summary>
    public static IEstimator<ITransformer> CopyTeacher(MLContext ml)
        => ml.Transforms.CopyColumns(DefaultColumnNames.PredictedLabel, nameof(TeacherLabels))
            .Append(ml.Transforms.CopyColumns(DefaultColumnNames.PredictedBoundingBoxes, nameof(TeacherBoxes)))
            .Append(ml.Transforms.CopyColumns(DefaultColumnNames.Score, nameof(TeacherScores)));

    /// <summary>The options of a one-round detection run with <paramref name="student"/>.</summary>
    public static SelfTrainingOptions Options(IEstimator<ITransformer>? student = null)
        => new() { LabelColumnName = DefaultColumnNames.Labels, MaximumIterations = 1, Student = student };
}
