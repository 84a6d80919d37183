using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;
using MLNet.SelfTraining.Vision.Datasets.Png;
using MLNet.SelfTraining.Vision.ImageFiles;
using MLNet.SelfTraining.Vision.Persistence;

namespace MLNet.SelfTraining.Vision.Datasets.Voc;

/// <summary>Writes a mask column as VOC indexed PNGs, <c>&lt;folder&gt;/&lt;image id&gt;.png</c>, each atomically.</summary>
internal static class VocMaskWriter
{
    public static void Save(IDataView data, string folder, VocMaskWriteOptions options)
    {
        var mask = data.Schema.GetColumnOrNull(options.MaskColumnName) ?? throw SchemaErrors.Missing("mask", options.MaskColumnName);
        var (height, width) = mask.Type is VectorDataViewType { ItemType: NumberDataViewType { RawType: var raw }, IsKnownSize: true } maskType && raw == typeof(byte)
            ? MaskSize(data.Schema, maskType)
            : (null, null);
        if (height is null || width is null)
        {
            throw SchemaErrors.Mismatch("mask", mask.Name,
                $"known-size vector of Byte with dimensions H×W, or of H·W values with a '{DefaultColumnNames.Features}' column of dimensions C×H×W (as a segmenter's {DefaultColumnNames.PredictedMask})",
                $"{mask.Type}");
        }

        var id = data.Schema.GetColumnOrNull(options.ImageIdColumnName) ?? throw SchemaErrors.Missing("image id", options.ImageIdColumnName);
        if (id.Type is not TextDataViewType)
        {
            throw SchemaErrors.Mismatch("image id", id.Name, "String", $"{id.Type}");
        }

        var target = new ImageFolder(Directory.CreateDirectory(folder).FullName);
        var written = new HashSet<string>(StringComparer.Ordinal);
        using var cursor = data.GetRowCursor([mask, id]);
        var maskGetter = cursor.GetGetter<VBuffer<byte>>(mask);
        var idGetter = cursor.GetGetter<ReadOnlyMemory<char>>(id);
        VBuffer<byte> values = default;
        ReadOnlyMemory<char> idValue = default;
        while (cursor.MoveNext())
        {
            idGetter(ref idValue);
            var name = idValue.ToString();
            if (!VocLayout.IsValidId(name) || !written.Add(name))
            {
                throw new InvalidDataException(
                    $"Row {cursor.Position} has image id '{name}' in column '{id.Name}'; expected a unique id that names a file (not empty, no path separators, not '.' or '..').");
            }

            maskGetter(ref values);
            var file = target.Resolve(name + ".png");
            var image = new MaskImage(width.Value, height.Value, values.DenseValues().ToArray());
            AtomicFile.Write(file, stream => MaskPngWriter.Write(stream, image));
        }
    }

    /// <summary>H and W of a mask: its own dimensions H×W, or, for a vector of H·W values without them (a segmenter's
    /// <c>PredictedMask</c>), those of the image column beside it (C×H×W); (null, null) when neither is known.</summary>
    private static (int? Height, int? Width) MaskSize(DataViewSchema schema, VectorDataViewType mask) => mask.Dimensions switch
    {
        [var h, var w] => (h, w),
        [var size] when schema.GetColumnOrNull(DefaultColumnNames.Features)?.Type is VectorDataViewType { Dimensions: [_, var h, var w] }
            && (long)h * w == size => (h, w),
        _ => (null, null),
    };
}
