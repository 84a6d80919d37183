namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>Options of <c>mlContext.Data.SaveVocMasks</c>; every default is documented on its property.</summary>
public sealed class VocMaskWriteOptions
{
    /// <summary>
    /// The mask column written: a known-size vector of Byte with dimensions H×W (see <see cref="SegmentationMasks"/>), or
    /// of H·W values when the data's <see cref="DefaultColumnNames.Features"/> column has dimensions C×H×W (as a
    /// segmenter's <see cref="DefaultColumnNames.PredictedMask"/> on <c>LoadVocSegmentation</c>'s rows). Default
    /// <see cref="DefaultColumnNames.Mask"/>.
    /// </summary>
    public string MaskColumnName { get; set; } = DefaultColumnNames.Mask;

    /// <summary>The column of image ids (Text) that name the files: <c>&lt;id&gt;.png</c>. Default <see cref="DatasetColumnNames.ImageId"/>.</summary>
    public string ImageIdColumnName { get; set; } = DatasetColumnNames.ImageId;

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(MaskColumnName, nameof(MaskColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ImageIdColumnName, nameof(ImageIdColumnName));
    }
}
