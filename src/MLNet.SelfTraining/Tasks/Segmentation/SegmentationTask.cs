using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tasks.Segmentation;

/// <summary>Self-training of a semantic segmenter: one pseudo mask per image, from the teacher's predicted mask and per-pixel confidence.</summary>
internal sealed class SegmentationTask : SelfTrainingTask<MaskPrediction>
{
    private readonly PseudoMaskOptions _masks;

    /// <summary>Checks that <paramref name="options"/> hold nothing that only classification reads, and keeps a copy of <paramref name="masks"/>.</summary>
    /// <exception cref="ArgumentException">An option does not apply to segmentation, or <paramref name="masks"/> is invalid.</exception>
    public SegmentationTask(SelfTrainingOptions options, PseudoMaskOptions masks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(masks);
        masks.Validate();
        ClassificationOnlyOptions.Refuse(options, "segmentation",
            $"{nameof(PseudoMaskOptions)}.{nameof(PseudoMaskOptions.PredictedMaskColumnName)} and {nameof(PseudoMaskOptions.ConfidenceColumnName)}",
            "keeps pixels by confidence", $"{nameof(PseudoMaskOptions)}.{nameof(PseudoMaskOptions.PixelConfidenceThreshold)}");

        _masks = new PseudoMaskOptions
        {
            PixelConfidenceThreshold = masks.PixelConfidenceThreshold,
            PredictedMaskColumnName = masks.PredictedMaskColumnName,
            ConfidenceColumnName = masks.ConfidenceColumnName,
            NumberOfClasses = masks.NumberOfClasses,
        };
    }

    /// <inheritdoc/>
    protected override TaskBinding<MaskPrediction> Bind(DataViewSchema training, SelfTrainingOptions options)
    {
        string name = options.LabelColumnName;
        var mask = training.GetColumnOrNull(name);
        Exception Fail(string message) => new ArgumentException(
            $"{message} For segmentation, {nameof(SelfTrainingOptions.LabelColumnName)} is the mask column (e.g. \"{DefaultColumnNames.Mask}\"); the training data has {string.Join(", ", training.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.",
            nameof(SelfTrainingOptions.LabelColumnName));
        int pixels = MaskColumns.PixelCount(mask, name, "mask", NumberDataViewType.Byte, null, Fail);
        var (classCount, source) = ClassCount(mask!.Value);
        return new SegmentationBinding(mask.Value, pixels, classCount, source, _masks, options.Weighting);
    }

    private (int Count, string Source) ClassCount(DataViewSchema.Column mask)
    {
        var names = SegmentationMasks.TryGetClassNames(mask);
        if (names is null)
        {
            return _masks.NumberOfClasses is { } k
                ? (k, $"from {nameof(PseudoMaskOptions)}.{nameof(PseudoMaskOptions.NumberOfClasses)}")
                : throw new ArgumentException(
                    $"Mask column '{mask.Name}' was expected to carry its class names as the '{SegmentationMasks.ClassNamesAnnotation}' annotation (SegmentationMasks.ClassNames), or {nameof(PseudoMaskOptions)}.{nameof(PseudoMaskOptions.NumberOfClasses)} to be set; got neither.",
                    nameof(PseudoMaskOptions.NumberOfClasses));
        }

        if (names.Length is < 2 or > SegmentationMasks.MaximumClassCount)
        {
            throw new ArgumentException(
                $"Mask column '{mask.Name}' was expected to have from two classes (e.g. background and an object) to {SegmentationMasks.MaximumClassCount} (a byte mask, 255 being the ignore value) in its '{SegmentationMasks.ClassNamesAnnotation}' annotation; got {names.Length}.",
                nameof(SelfTrainingOptions.LabelColumnName));
        }

        if (_masks.NumberOfClasses is { } given && given != names.Length)
        {
            throw new ArgumentException(
                $"{nameof(PseudoMaskOptions)}.{nameof(PseudoMaskOptions.NumberOfClasses)} was expected to agree with the {names.Length} class names of mask column '{mask.Name}' (or be null); got {given}.",
                nameof(PseudoMaskOptions.NumberOfClasses));
        }

        return (names.Length, $"from its '{SegmentationMasks.ClassNamesAnnotation}' annotation");
    }
}
