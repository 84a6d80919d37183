using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.ImageFiles;
using SixLabors.ImageSharp;

namespace MLNet.SelfTraining.Vision.Datasets.Coco;

/// <summary>
/// Reads a COCO detection data set into memory: the checked <see cref="CocoAnnotationsFile"/>, then each image
/// (decoded and resized by <see cref="ImageFileReader"/>, its size checked against the declared one) with its boxes
/// scaled to the resized image.
/// </summary>
/// <remarks>
/// Eager (see <see cref="DatasetImageOptions"/>): the annotations file is parsed whole anyway, a bad image fails the
/// load naming it and its JSON path, and self-training's many passes over the data read memory instead of decoding again.
/// </remarks>
internal static class CocoDetectionReader
{
    public static IDataView Load(DataOperationsCatalog catalog, string annotationsPath, string imagesFolder, CocoDetectionOptions options)
    {
        var path = Path.GetFullPath(annotationsPath);
        var root = Path.GetFullPath(imagesFolder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Images folder '{root}' was expected but does not exist.");
        }

        var file = CocoAnnotationsFile.Read(path, options);
        var reader = new ImageFileReader(options.PixelsOptions(root));
        var count = file.Images.Count;
        var features = new float[count][];
        var labels = new uint[count][];
        var boxes = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var image = file.Images[i];
            features[i] = new float[reader.Size];
            var size = Read(reader, image, features[i], $"images[{i}] (image id {image.Id}) of annotations file '{path}'");
            if (size.Width != image.Width || size.Height != image.Height)
            {
                throw new InvalidDataException(
                    $"Annotations file '{path}': images[{i}] (image id {image.Id}) declares width {image.Width}, height {image.Height}, but its image file '{Path.Combine(root, image.FileName)}' is {size.Width}×{size.Height}; expected the same size.");
            }

            labels[i] = image.Boxes.Select(b => b.Key).ToArray();
            boxes[i] = image.Boxes.SelectMany(b => Scaled(b, image, options)).ToArray();
        }

        return new InMemoryColumns()
            .Vector(DefaultColumnNames.Features, new VectorDataViewType(NumberDataViewType.Single, options.Channels, options.Height, options.Width), features)
            .Vector(DefaultColumnNames.Labels, new VectorDataViewType(new KeyDataViewType(typeof(uint), file.Categories.Count)), labels, CategoryAnnotations(file))
            .Vector(DefaultColumnNames.Box, new VectorDataViewType(NumberDataViewType.Single), boxes)
            .Scalar(DatasetColumnNames.FileName, TextDataViewType.Instance, file.Images.Select(m => m.FileName.AsMemory()).ToArray())
            .Scalar(DatasetColumnNames.ImageWidth, NumberDataViewType.Int32, file.Images.Select(m => m.Width).ToArray())
            .Scalar(DatasetColumnNames.ImageHeight, NumberDataViewType.Int32, file.Images.Select(m => m.Height).ToArray())
            .ToDataView(catalog, file.Images.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The corners of <paramref name="box"/> in pixels of the resized image (multiplied before dividing, so whole-number ratios are exact).</summary>
    private static float[] Scaled(CocoAnnotationsFile.Box box, CocoAnnotationsFile.Image image, CocoDetectionOptions options) =>
    [
        (float)(box.X0 * options.Width / image.Width), (float)(box.Y0 * options.Height / image.Height),
        (float)(box.X1 * options.Width / image.Width), (float)(box.Y1 * options.Height / image.Height),
    ];

    /// <summary>Reads one image, adding <paramref name="context"/> (the JSON path, ids and annotations file) to its errors.</summary>
    private static Size Read(ImageFileReader reader, CocoAnnotationsFile.Image image, Span<float> pixels, string context)
    {
        try
        {
            return reader.Read(image.FileName, pixels);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"{e.Message} It is file_name '{image.FileName}' of {context}.", e.FileName, e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{e.Message} It is file_name '{image.FileName}' of {context}.", e);
        }
    }

    /// <summary>The key values (category names) and <see cref="DatasetColumnNames.CategoryIdsAnnotation"/> of the labels column.</summary>
    private static DataViewSchema.Annotations CategoryAnnotations(CocoAnnotationsFile file)
    {
        var names = file.Categories.Select(c => c.Name.AsMemory()).ToArray();
        var ids = file.Categories.Select(c => c.Id).ToArray();
        var builder = new DataViewSchema.Annotations.Builder();
        // Copied into the caller's buffer: handing out the arrays would let a caller that reuses its buffer overwrite them.
        builder.Add(AnnotationNames.KeyValues, new VectorDataViewType(TextDataViewType.Instance, names.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) => CopyInto(names, ref value));
        builder.Add(DatasetColumnNames.CategoryIdsAnnotation, new VectorDataViewType(NumberDataViewType.Int64, ids.Length),
            (ref VBuffer<long> value) => CopyInto(ids, ref value));
        return builder.ToAnnotations();
    }

    private static void CopyInto<T>(T[] values, ref VBuffer<T> value)
    {
        var editor = VBufferEditor.Create(ref value, values.Length);
        values.CopyTo(editor.Values);
        value = editor.Commit();
    }
}
