namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>
/// The columns the data set readers add next to <see cref="DefaultColumnNames.Features"/>, <see cref="DefaultColumnNames.Mask"/>,
/// <see cref="DefaultColumnNames.Labels"/> and <see cref="DefaultColumnNames.Box"/>, and the annotation of COCO category ids.
/// </summary>
public static class DatasetColumnNames
{
    /// <summary><c>ImageId</c>: the image's identifier (Text): the VOC file name without extension, or the COCO image id in decimal.</summary>
    public const string ImageId = "ImageId";

    /// <summary><c>FileName</c>: the COCO image's <c>file_name</c> (Text), relative to the images folder.</summary>
    public const string FileName = "FileName";

    /// <summary><c>ImageWidth</c>: the width of the image file, in pixels, before resizing (Int32).</summary>
    public const string ImageWidth = "ImageWidth";

    /// <summary><c>ImageHeight</c>: the height of the image file, in pixels, before resizing (Int32).</summary>
    public const string ImageHeight = "ImageHeight";

    /// <summary>
    /// <c>CategoryIds</c>: an annotation of the <see cref="DefaultColumnNames.Labels"/> column read from COCO: the COCO
    /// category id of each key value, in key order (a known-size vector of Int64).
    /// </summary>
    public const string CategoryIdsAnnotation = "CategoryIds";
}
