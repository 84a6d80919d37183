namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>Options of <c>mlContext.Data.SaveCocoJson</c>; every default is documented on its property.</summary>
public sealed class CocoWriteOptions
{
    /// <summary>The column of image ids (Text holding a COCO image id, a whole number). Default <see cref="DatasetColumnNames.ImageId"/>.</summary>
    public string ImageIdColumnName { get; set; } = DatasetColumnNames.ImageId;

    /// <summary>
    /// The column of box classes: a vector of keys whose key values are the category names. The category ids are the
    /// column's <see cref="DatasetColumnNames.CategoryIdsAnnotation"/> annotation (as read by <c>LoadCocoDetection</c>),
    /// else 1…K in key order. Default <see cref="DefaultColumnNames.Labels"/>.
    /// </summary>
    public string LabelsColumnName { get; set; } = DefaultColumnNames.Labels;

    /// <summary>The column of boxes: 4 Single per box, x0, y0, x1, y1 in pixels of the model's image. Default <see cref="DefaultColumnNames.Box"/>.</summary>
    public string BoxColumnName { get; set; } = DefaultColumnNames.Box;

    /// <summary>
    /// The column of box scores (a vector of Single, one per box). When set, the file is in COCO's results format,
    /// <c>[{image_id, category_id, bbox, score}]</c>; when <see langword="null"/> (default), in the annotations format
    /// (<c>images</c>, <c>categories</c>, <c>annotations</c>), which also needs the <see cref="DatasetColumnNames.FileName"/> column.
    /// </summary>
    public string? ScoreColumnName { get; set; }

    /// <summary>
    /// The width of the images the boxes are in (the model's input). <see langword="null"/> (default) takes it from the
    /// dimensions (C, H, W) of the <see cref="DefaultColumnNames.Features"/> column. Boxes are scaled from it to each
    /// image's own <see cref="DatasetColumnNames.ImageWidth"/> column.
    /// </summary>
    public int? Width { get; set; }

    /// <summary>The height of the images the boxes are in; <see langword="null"/> (default) as <see cref="Width"/>.</summary>
    public int? Height { get; set; }

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ImageIdColumnName, nameof(ImageIdColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelsColumnName, nameof(LabelsColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(BoxColumnName, nameof(BoxColumnName));
        if (ScoreColumnName is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ScoreColumnName, nameof(ScoreColumnName));
        }

        if (Width is < 1 || Height is < 1 || Width.HasValue != Height.HasValue)
        {
            throw new ArgumentOutOfRangeException(Width is < 1 || !Width.HasValue ? nameof(Width) : nameof(Height),
                $"{nameof(Width)} and {nameof(Height)} must both be null or both at least 1; got {Width?.ToString() ?? "null"}×{Height?.ToString() ?? "null"}.");
        }
    }
}
