using System.Globalization;
using Microsoft.ML;

namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// Generated scenes held in memory, in generation order: per scene an S × S grey image (0 = background, 255 = ink), its
/// S × S segmentation mask (see <see cref="SegmentationMasks"/>; classes <see cref="MaskClassNames"/>) and its digits
/// (class and box, <see cref="SceneDigit"/>). Images and masks are row-major and stored back to back, so
/// <see cref="Images"/> and <see cref="Masks"/> can be dumped as (N, S, S) byte arrays. Obtain it from
/// <see cref="DigitScenes"/> or <see cref="SceneSplit"/>; it is immutable.
/// </summary>
public sealed class SceneSet
{
    /// <summary>
    /// The name of the extra column of <see cref="ToDataView"/> with hidden targets: the true mask, for diagnostics only
    /// (e.g. the accuracy of pseudo masks); a learner must never read it.
    /// </summary>
    public const string TrueMaskColumnName = "TrueMask";

    /// <summary>
    /// The name of the extra column of <see cref="ToDataView"/> with hidden targets holding the true box classes (as
    /// <c>Labels</c>), for diagnostics only (e.g. <see cref="SelfTrainingOptions.DiagnosticLabelColumnName"/> of detection).
    /// </summary>
    public const string TrueLabelsColumnName = "TrueLabels";

    /// <summary>
    /// The name of the extra column of <see cref="ToDataView"/> with hidden targets holding the true boxes (as <c>Box</c>),
    /// for diagnostics only (e.g. <see cref="PseudoBoxOptions.DiagnosticBoxColumnName"/>).
    /// </summary>
    public const string TrueBoxColumnName = "TrueBox";

    private readonly byte[] _images;
    private readonly byte[] _masks;
    private readonly SceneDigit[] _digits;
    private readonly int[] _digitStarts;

    /// <summary>Wraps arrays built by <see cref="SceneSetBuilder"/> without copying them.</summary>
    internal SceneSet(int canvasSize, byte[] images, byte[] masks, SceneDigit[] digits, int[] digitStarts)
    {
        CanvasSize = canvasSize;
        _images = images;
        _masks = masks;
        _digits = digits;
        _digitStarts = digitStarts;
    }

    /// <summary>
    /// Gets the 11 segmentation classes of the masks, in class-index order: "background", then "0" to "9" (class d + 1
    /// is digit d).
    /// </summary>
    public static IReadOnlyList<string> MaskClassNames { get; } =
        Array.AsReadOnly(["background", .. Enumerable.Range(0, MnistData.ClassCount).Select(d => d.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>Gets the number of scenes.</summary>
    public int Count => _digitStarts.Length - 1;

    /// <summary>Gets the height and width S of every image and mask, in pixels.</summary>
    public int CanvasSize { get; }

    /// <summary>Gets the number of pixels of an image or a mask, S².</summary>
    public int PixelsPerImage => CanvasSize * CanvasSize;

    /// <summary>Gets every image's pixels, <see cref="PixelsPerImage"/> per scene, in scene order.</summary>
    public ReadOnlyMemory<byte> Images => _images;

    /// <summary>Gets every mask, <see cref="PixelsPerImage"/> per scene, in scene order.</summary>
    public ReadOnlyMemory<byte> Masks => _masks;

    /// <summary>Gets the number of digits over all scenes.</summary>
    public int DigitCount => _digits.Length;

    /// <summary>Gets the <see cref="PixelsPerImage"/> pixels of scene <paramref name="scene"/>, row-major.</summary>
    /// <param name="scene">The scene index, from 0 to <see cref="Count"/> − 1.</param>
    public ReadOnlySpan<byte> GetImage(int scene) => _images.AsSpan(CheckedScene(scene) * PixelsPerImage, PixelsPerImage);

    /// <summary>Gets the <see cref="PixelsPerImage"/> mask values of scene <paramref name="scene"/>, row-major.</summary>
    /// <param name="scene">The scene index, from 0 to <see cref="Count"/> − 1.</param>
    public ReadOnlySpan<byte> GetMask(int scene) => _masks.AsSpan(CheckedScene(scene) * PixelsPerImage, PixelsPerImage);

    /// <summary>Gets the digits of scene <paramref name="scene"/>, in placement order (also the order of its boxes in a data view).</summary>
    /// <param name="scene">The scene index, from 0 to <see cref="Count"/> − 1.</param>
    public ReadOnlySpan<SceneDigit> GetDigits(int scene)
    {
        CheckedScene(scene);
        return _digits.AsSpan(_digitStarts[scene], _digitStarts[scene + 1] - _digitStarts[scene]);
    }

    /// <summary>
    /// Exposes the scenes as an <see cref="IDataView"/> for detection and segmentation, without copying them. The view
    /// knows its row count and can be shuffled.
    /// </summary>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>Column</term><description>Type and content</description></listheader>
    /// <item><term><c>Features</c></term><description>Vector&lt;Single, 1, S, S&gt;: pixel / 255.</description></item>
    /// <item><term><c>Mask</c></term><description>Vector&lt;Byte, S, S&gt; with the <see cref="SegmentationMasks.ClassNamesAnnotation"/> of <see cref="MaskClassNames"/>.</description></item>
    /// <item><term><c>Labels</c></term><description>Variable-size vector of Key&lt;UInt32, 10&gt; (key d + 1 for digit d; key values "0" to "9"), one per box.</description></item>
    /// <item><term><c>Box</c></term><description>Variable-size vector of Single: x0, y0, x1, y1 of each box, in pixels.</description></item>
    /// <item><term><c>TrueMask</c></term><description>Only with <paramref name="hideTargets"/>: the mask, for diagnostics only.</description></item>
    /// <item><term><c>TrueLabels</c></term><description>Only with <paramref name="hideTargets"/>: the box classes (as <c>Labels</c>), for diagnostics only.</description></item>
    /// <item><term><c>TrueBox</c></term><description>Only with <paramref name="hideTargets"/>: the boxes (as <c>Box</c>), for diagnostics only.</description></item>
    /// </list>
    /// </remarks>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <param name="hideTargets">
    /// <see langword="true"/> for unlabeled data: every <c>Mask</c> value is <see cref="SegmentationMasks.Ignore"/>,
    /// <c>Labels</c> and <c>Box</c> are empty, and the true targets are in <see cref="TrueMaskColumnName"/>,
    /// <see cref="TrueLabelsColumnName"/> and <see cref="TrueBoxColumnName"/>; the true digits stay available through
    /// <see cref="GetDigits"/>.
    /// </param>
    public IDataView ToDataView(MLContext mlContext, bool hideTargets = false)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return new SceneDataView(Count, SceneSchema.CreateScenes(CanvasSize, hideTargets), SceneGetters.Scenes(this, hideTargets));
    }

    /// <summary>
    /// Exposes images of one digit each (as <see cref="DigitScenes.GenerateObjectCentric"/> makes) as a classification
    /// <see cref="IDataView"/>: <c>Features</c> (Vector&lt;Single, 1, S, S&gt;, pixel / 255) and <c>Label</c>
    /// (Key&lt;UInt32, 10&gt;, key d + 1 for digit d, key values "0" to "9"). The view knows its row count and can be shuffled.
    /// </summary>
    /// <param name="mlContext">The ML.NET context the view is used with.</param>
    /// <exception cref="InvalidOperationException">A scene does not hold exactly one digit.</exception>
    public IDataView ToClassificationDataView(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        for (var scene = 0; scene < Count; scene++)
        {
            var digits = _digitStarts[scene + 1] - _digitStarts[scene];
            if (digits != 1)
            {
                throw new InvalidOperationException(
                    $"A classification view was expected to hold one digit per image; scene {scene} holds {digits}.");
            }
        }

        return new SceneDataView(Count, SceneSchema.CreateClassification(CanvasSize), SceneGetters.Classification(this));
    }

    private int CheckedScene(int scene)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scene);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(scene, Count);
        return scene;
    }
}
