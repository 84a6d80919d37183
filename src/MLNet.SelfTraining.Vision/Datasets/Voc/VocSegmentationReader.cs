using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Datasets.Png;
using MLNet.SelfTraining.Vision.ImageFiles;

namespace MLNet.SelfTraining.Vision.Datasets.Voc;

/// <summary>
/// Reads a PASCAL VOC style segmentation data set into memory: each id's image (decoded and resized by
/// <see cref="ImageFileReader"/>) and mask (<see cref="MaskPngReader"/>, checked against the classes and the image's size,
/// resized nearest-neighbour).
/// </summary>
/// <remarks>
/// Eager (see <see cref="DatasetImageOptions"/>): a bad file fails the load naming it, and self-training's many passes
/// over the data read memory instead of decoding again. A mask's size is checked against its image's, which needs both
/// decoded together anyway.
/// </remarks>
internal static class VocSegmentationReader
{
    public static IDataView Load(DataOperationsCatalog catalog, string folder, VocSegmentationOptions options)
    {
        var layout = new VocLayout(Path.GetFullPath(folder));
        var ids = layout.Ids(options.Split, options.MaximumImages);
        var images = new ImageFileReader(options.PixelsOptions(layout.Images));
        var maskFolder = new ImageFolder(layout.Masks);
        var masks = new MaskPngReader(options.PixelsOptions(layout.Masks), options.MaximumMaskFileBytes,
            $"{nameof(VocSegmentationOptions)}.{nameof(VocSegmentationOptions.MaximumMaskFileBytes)}");
        var features = new float[ids.Count][];
        var maskValues = new byte[ids.Count][];
        for (var row = 0; row < ids.Count; row++)
        {
            var maskFile = maskFolder.Resolve(ids[row] + ".png");
            var mask = masks.Read(maskFile);
            CheckClasses(mask, maskFile, options.ClassNames.Count);
            var imageFile = layout.ImageFile(ids[row], maskFile);
            features[row] = new float[images.Size];
            var size = images.Read(imageFile, features[row]);
            if (size.Width != mask.Width || size.Height != mask.Height)
            {
                throw new InvalidDataException(
                    $"Mask file '{maskFile}' is {mask.Width}×{mask.Height} but its image file '{Path.Combine(layout.Images, imageFile)}' is {size.Width}×{size.Height}; expected the same size.");
            }

            maskValues[row] = mask.ResizeNearest(options.Width, options.Height).Values;
        }

        return new InMemoryColumns()
            .Vector(DefaultColumnNames.Features, new VectorDataViewType(NumberDataViewType.Single, options.Channels, options.Height, options.Width), features)
            .Vector(DefaultColumnNames.Mask, new VectorDataViewType(NumberDataViewType.Byte, options.Height, options.Width), maskValues,
                SegmentationMasks.ClassNames(options.ClassNames))
            .ToDataView(catalog, ids);
    }

    private static void CheckClasses(MaskImage mask, string file, int classCount)
    {
        // Values K…254 are wrong; with K = 255 classes there are none (the range would be empty).
        var at = classCount < SegmentationMasks.Ignore ? mask.Values.AsSpan().IndexOfAnyInRange((byte)classCount, (byte)(SegmentationMasks.Ignore - 1)) : -1;
        if (at >= 0)
        {
            throw new InvalidDataException(
                $"Mask file '{file}' has value {mask.Values[at]} at pixel (x {at % mask.Width}, y {at / mask.Width}); expected a class index below {classCount} (the number of class names) or {SegmentationMasks.Ignore} (void).");
        }
    }
}
