using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Tasks.Segmentation;

/// <summary>
/// One small image for segmentation tests: intensities, its mask (255 = unlabeled), its true mask (diagnostics), and
/// a fixed teacher output (<see cref="CopyTeacher"/> copies <see cref="TeacherMask"/> and <see cref="TeacherConfidence"/>).
/// </summary>
internal sealed class SceneRow
{
    public static readonly string[] Classes = ["background", "a", "b"];

    public float[] Features { get; set; } = [];

    public byte[] Mask { get; set; } = [];

    public byte[] TrueMask { get; set; } = [];

    public byte[] TeacherMask { get; set; } = [];

    public float[] TeacherConfidence { get; set; } = [];

    /// <summary>A row whose teacher predicts <paramref name="teacherMask"/> with <paramref name="confidence"/>; mask all 255 unless given.</summary>
    public static SceneRow Scored(byte[] teacherMask, float[] confidence, byte[]? mask = null, byte[]? truth = null) => new()
    {
        Features = new float[teacherMask.Length],
        Mask = mask ?? Unlabeled(teacherMask.Length),
        TrueMask = truth ?? teacherMask,
        TeacherMask = teacherMask,
        TeacherConfidence = confidence,
    };

    /// <summary>A labeled row whose teacher output is its own mask at confidence 1.</summary>
    public static SceneRow Labeled(byte[] mask) => Scored(mask, Enumerable.Repeat(1f, mask.Length).ToArray(), mask);

    public static byte[] Unlabeled(int pixels) => Enumerable.Repeat(SegmentationMasks.Ignore, pixels).ToArray();

    /// <summary>
    /// The rows as a view of <paramref name="pixels"/>-pixel columns; the mask carries <paramref name="classNames"/>
    /// (none when <see langword="null"/>), and its type can be replaced to test type checks.
    /// </summary>
    public static IDataView Load(MLContext ml, IEnumerable<SceneRow> rows, int pixels, IReadOnlyList<string>? classNames = null, bool withClassNames = true)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(nameof(Features), new VectorDataViewType(NumberDataViewType.Single, pixels));
        builder.AddColumn(nameof(Mask), new VectorDataViewType(NumberDataViewType.Byte, pixels),
            withClassNames ? SegmentationMasks.ClassNames(classNames ?? Classes) : null);
        builder.AddColumn(nameof(TrueMask), new VectorDataViewType(NumberDataViewType.Byte, pixels));
        builder.AddColumn(nameof(TeacherMask), new VectorDataViewType(NumberDataViewType.Byte, pixels));
        builder.AddColumn(nameof(TeacherConfidence), new VectorDataViewType(NumberDataViewType.Single, pixels));
        return ml.Data.LoadFromEnumerable(rows.ToList(), builder.ToSchema());
    }

    /// <summary>A teacher that "predicts" the rows' fixed output: it copies <see cref="TeacherMask"/> and <see cref="TeacherConfidence"/>.</summary>
    public static IEstimator<ITransformer> CopyTeacher(MLContext ml)
        => ml.Transforms.CopyColumns(DefaultColumnNames.PredictedMask, nameof(TeacherMask))
            .Append(ml.Transforms.CopyColumns(DefaultColumnNames.Confidence, nameof(TeacherConfidence)));
}
