namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>Options of <c>mlContext.Data.LoadVocSegmentation</c>; every default is documented on its property.</summary>
public sealed class VocSegmentationOptions : DatasetImageOptions
{
    /// <summary>The 21 PASCAL VOC class names, in class-index order: <c>background</c>, <c>aeroplane</c>, … <c>tvmonitor</c>.</summary>
    public static IReadOnlyList<string> PascalVocClassNames { get; } =
    [
        "background", "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
        "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
    ];

    /// <summary>
    /// The split read: the ids listed, one per line, in <c>ImageSets/Segmentation/&lt;Split&gt;.txt</c> (at most 16 MiB),
    /// e.g. <c>"train"</c> or <c>"val"</c>. <see langword="null"/> (default) reads every <c>SegmentationClass/*.png</c>, in
    /// ordinal order of their ids.
    /// </summary>
    public string? Split { get; set; }

    /// <summary>
    /// The class names, K of them in class-index order: the mask column's <c>ClassNames</c> annotation; a mask value must
    /// be below K or 255 (void). Default <see cref="PascalVocClassNames"/>.
    /// </summary>
    public IReadOnlyList<string> ClassNames { get; set; } = PascalVocClassNames;

    /// <summary>The largest mask file read, in bytes; a larger one is refused naming it. Default 64 MiB.</summary>
    public long MaximumMaskFileBytes { get; set; } = 64 << 20;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        SegmentationMasks.ClassNames(ClassNames);
        if (Split is not null && (Split.Length == 0 || Split.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Split is "." or ".."))
        {
            throw new ArgumentException($"{nameof(Split)} must be a file name without extension (e.g. \"train\"); got '{Split}'.", nameof(Split));
        }

        if (MaximumMaskFileBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumMaskFileBytes), MaximumMaskFileBytes, $"{nameof(MaximumMaskFileBytes)} must be at least 1; got {MaximumMaskFileBytes}.");
        }
    }
}
