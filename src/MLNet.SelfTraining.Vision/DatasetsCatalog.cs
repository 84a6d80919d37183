using Microsoft.ML;
using MLNet.SelfTraining.Vision.Datasets;
using MLNet.SelfTraining.Vision.Datasets.Coco;
using MLNet.SelfTraining.Vision.Datasets.Voc;

namespace MLNet.SelfTraining.Vision;

/// <summary>
/// Entry points of the segmentation and detection data set readers and writers on ML.NET's data catalog: PASCAL VOC
/// style masks and COCO JSON boxes, read into memory (see <see cref="DatasetImageOptions"/>) and written atomically.
/// </summary>
public static class DatasetsCatalog
{
    /// <summary>
    /// Reads a PASCAL VOC style segmentation data set: <c>JPEGImages/&lt;id&gt;.jpg</c> (or <c>.jpeg</c>, <c>.png</c>),
    /// <c>SegmentationClass/&lt;id&gt;.png</c> and, for a <see cref="VocSegmentationOptions.Split"/>,
    /// <c>ImageSets/Segmentation/&lt;split&gt;.txt</c>. Every image and mask is read and checked at once.
    /// </summary>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>Output column</term><description>Type and content</description></listheader>
    /// <item><term><c>ImageId</c></term><description>Text: the id (file name without extension).</description></item>
    /// <item><term><c>Features</c></term><description>Vector of C×H×W Single in [0, 1], as <c>LoadImagePixels</c> gives: the image resized (bicubic) to the options' size.</description></item>
    /// <item><term><c>Mask</c></term><description>Vector of H×W Byte (see <see cref="SegmentationMasks"/>): the mask resized nearest-neighbour, with the options' class names as its <c>ClassNames</c> annotation.</description></item>
    /// </list>
    /// A mask is an indexed (palette) PNG whose palette indices are the class indices (its colours are not used), or an
    /// 8-bit greyscale PNG whose values are; 255 is void (ignored). It must have its image's size.
    /// </remarks>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="folder">The data set's folder.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults; checked at once.</param>
    /// <exception cref="DirectoryNotFoundException">The folder, <c>JPEGImages</c> or <c>SegmentationClass</c> does not exist.</exception>
    /// <exception cref="FileNotFoundException">A mask, its image or the split file does not exist (the message names it).</exception>
    /// <exception cref="InvalidDataException">
    /// A file is not a readable PNG or image, is truncated or too large, a mask holds a value ≥ K other than 255, a mask's
    /// size differs from its image's, an id leaves its folder, or a bound is exceeded (the message names the file).
    /// </exception>
    public static IDataView LoadVocSegmentation(this DataOperationsCatalog catalog, string folder, VocSegmentationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new VocSegmentationOptions();
        options.Validate();
        return VocSegmentationReader.Load(catalog, folder, options);
    }

    /// <summary>
    /// Writes a mask column as PASCAL VOC masks, <c>&lt;folder&gt;/&lt;image id&gt;.png</c>: 8-bit indexed PNGs whose
    /// palette indices are the mask values, with VOC's colour map as palette (255 is (224, 224, 192)). Each file is
    /// written to a temporary file next to it and moved into place; <see cref="LoadVocSegmentation"/> reads the values
    /// back unchanged.
    /// </summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="data">The data: an image id column (Text) and a mask column (known-size vector of Byte with dimensions H×W, or of H·W values beside a <c>Features</c> column of dimensions C×H×W; see <see cref="VocMaskWriteOptions.MaskColumnName"/>).</param>
    /// <param name="folder">The folder written to; created if needed.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults; checked at once.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type.</exception>
    /// <exception cref="InvalidDataException">An image id is empty, repeated or not a file name (the message names the row).</exception>
    public static void SaveVocMasks(this DataOperationsCatalog catalog, IDataView data, string folder, VocMaskWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new VocMaskWriteOptions();
        options.Validate();
        VocMaskWriter.Save(data, folder, options);
    }

    /// <summary>
    /// Reads a COCO detection data set: an <c>instances.json</c>-style annotations file (<c>images</c>: id, file_name,
    /// width, height; <c>categories</c>: id, name; <c>annotations</c>: id, image_id, category_id, bbox [x, y, w, h],
    /// optional iscrowd; segmentations are not read) and its images under <paramref name="imagesFolder"/>. Every image
    /// is read and checked at once; rows follow the file's <c>images</c>, an image without annotations has no boxes.
    /// </summary>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>Output column</term><description>Type and content</description></listheader>
    /// <item><term><c>ImageId</c></term><description>Text: the COCO image id, in decimal.</description></item>
    /// <item><term><c>Features</c></term><description>Vector of C×H×W Single in [0, 1], as <c>LoadImagePixels</c> gives: the image resized to the options' size.</description></item>
    /// <item><term><c>Labels</c></term><description>Variable vector of Key&lt;UInt32&gt;, one per box: key values = the category names in category-id order; the <c>CategoryIds</c> annotation holds the ids.</description></item>
    /// <item><term><c>Box</c></term><description>Variable vector of Single, 4 per box: x0, y0, x1, y1 in pixels of the resized image.</description></item>
    /// <item><term><c>FileName</c>, <c>ImageWidth</c>, <c>ImageHeight</c></term><description>Text and Int32: the file name and size as declared (and checked), which <see cref="SaveCocoJson"/> writes back.</description></item>
    /// </list>
    /// Boxes may reach 1 pixel outside their image (COCO's own do, by rounding) and are clipped to it; beyond that they
    /// are an error. Crowd boxes are left out unless <see cref="CocoDetectionOptions.IncludeCrowd"/>.
    /// </remarks>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="annotationsPath">The annotations JSON file.</param>
    /// <param name="imagesFolder">The folder the images' <c>file_name</c>s are relative to (and confined to).</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults; checked at once.</param>
    /// <exception cref="DirectoryNotFoundException">The images folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The annotations file or an image does not exist (the message names it, its JSON path and image id).</exception>
    /// <exception cref="InvalidDataException">
    /// The JSON is malformed (line and byte given) or a field is missing, repeated, unknown or out of range (JSON path and
    /// ids given); an image is unreadable, too large, leaves the folder or has another size than declared; a bound is exceeded.
    /// </exception>
    public static IDataView LoadCocoDetection(this DataOperationsCatalog catalog, string annotationsPath, string imagesFolder, CocoDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(annotationsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(imagesFolder);
        options ??= new CocoDetectionOptions();
        options.Validate();
        return CocoDetectionReader.Load(catalog, annotationsPath, imagesFolder, options);
    }

    /// <summary>
    /// Writes detection rows as COCO JSON, atomically: the annotations format, which <see cref="LoadCocoDetection"/> reads
    /// back, or (with <see cref="CocoWriteOptions.ScoreColumnName"/>) COCO's results format for detections,
    /// <c>[{image_id, category_id, bbox, score}]</c>. Boxes are scaled from the model's image size to each image's own
    /// <c>ImageWidth</c> × <c>ImageHeight</c> and written as [x, y, width, height].
    /// </summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="data">
    /// The rows, one per image: image id (Text, a whole number), labels (vector of keys), boxes (4 Single per label),
    /// <c>ImageWidth</c> and <c>ImageHeight</c> (Int32), and <c>FileName</c> (Text) for the annotations format or scores
    /// (one Single per label) for the results format — as <see cref="LoadCocoDetection"/> gives them, with a detector's
    /// outputs.
    /// </param>
    /// <param name="path">The file written.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults; checked at once.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type.</exception>
    /// <exception cref="ArgumentException">The model's image size is neither in the options nor the dimensions of a <c>Features</c> column.</exception>
    /// <exception cref="InvalidDataException">A row holds an invalid id, key, box, score or size (the message names the row, image id and column).</exception>
    public static void SaveCocoJson(this DataOperationsCatalog catalog, IDataView data, string path, CocoWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new CocoWriteOptions();
        options.Validate();
        CocoJsonWriter.Save(data, path, options);
    }
}
