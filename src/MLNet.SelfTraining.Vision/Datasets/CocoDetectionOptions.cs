namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>Options of <c>mlContext.Data.LoadCocoDetection</c>; every default is documented on its property.</summary>
public sealed class CocoDetectionOptions : DatasetImageOptions
{
    /// <summary>
    /// Whether crowd annotations (<c>iscrowd</c> = 1, a box around a group of objects) become boxes; when
    /// <see langword="false"/> (default) they are checked and left out, as detectors usually train without them.
    /// </summary>
    public bool IncludeCrowd { get; set; }

    /// <summary>
    /// The largest annotations file read, in bytes (it is read whole, then parsed); a larger one is refused naming it.
    /// Default 512 MiB (COCO 2017's <c>instances_train2017.json</c> is about 450 MB).
    /// </summary>
    public long MaximumAnnotationsFileBytes { get; set; } = 512L << 20;

    /// <summary>The most annotations the file may hold. Default 10,000,000.</summary>
    public int MaximumAnnotations { get; set; } = 10_000_000;

    /// <summary>The most categories the file may hold (the key count of the <c>Labels</c> column). Default 10,000.</summary>
    public int MaximumCategories { get; set; } = 10_000;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (MaximumAnnotationsFileBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumAnnotationsFileBytes), MaximumAnnotationsFileBytes,
                $"{nameof(MaximumAnnotationsFileBytes)} must be at least 1; got {MaximumAnnotationsFileBytes}.");
        }

        if (MaximumAnnotations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumAnnotations), MaximumAnnotations, $"{nameof(MaximumAnnotations)} must be at least 0; got {MaximumAnnotations}.");
        }

        if (MaximumCategories < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumCategories), MaximumCategories, $"{nameof(MaximumCategories)} must be at least 1; got {MaximumCategories}.");
        }
    }
}
