using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Data;

namespace MLNet.SelfTraining.Vision.Datasets.Coco;

/// <summary>
/// The rows of a detection view as <see cref="CocoJsonWriter"/> writes them: the COCO image id, file name and size, and
/// the boxes scaled from the model's image back to the image's own pixels, each row checked (the message names the row,
/// the image id and the column).
/// </summary>
internal sealed class DetectionRows
{
    private readonly IDataView _data;
    private readonly DataViewSchema.Column _imageId;
    private readonly DataViewSchema.Column _labels;
    private readonly DataViewSchema.Column _boxes;
    private readonly DataViewSchema.Column? _scores;
    private readonly DataViewSchema.Column? _fileName;
    private readonly DataViewSchema.Column _width;
    private readonly DataViewSchema.Column _height;
    private readonly int _modelWidth;
    private readonly int _modelHeight;
    private readonly int _keyCount;

    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of another type (ML.NET's schema wording).</exception>
    /// <exception cref="ArgumentException">The model's image size is neither in the options nor in the features column.</exception>
    public DetectionRows(IDataView data, CocoWriteOptions options)
    {
        _data = data;
        var schema = data.Schema;
        _imageId = Column(schema, options.ImageIdColumnName, "image id", t => t is TextDataViewType, "String");
        _labels = Column(schema, options.LabelsColumnName, "labels", t => t is VectorDataViewType { ItemType: KeyDataViewType { RawType: var r } } && r == typeof(uint), "vector of Key<UInt32>");
        _boxes = Column(schema, options.BoxColumnName, "box", IsSingleVector, "vector of Single");
        _scores = options.ScoreColumnName is null ? null : Column(schema, options.ScoreColumnName, "score", IsSingleVector, "vector of Single");
        _fileName = _scores is null ? Column(schema, DatasetColumnNames.FileName, "file name", t => t is TextDataViewType, "String") : null;
        _width = Column(schema, DatasetColumnNames.ImageWidth, "image width", t => t == NumberDataViewType.Int32, "Int32");
        _height = Column(schema, DatasetColumnNames.ImageHeight, "image height", t => t == NumberDataViewType.Int32, "Int32");
        _keyCount = (int)((KeyDataViewType)((VectorDataViewType)_labels.Type).ItemType).Count;
        (_modelWidth, _modelHeight) = ModelSize(schema, options);
    }

    /// <summary>The categories, in key order: the labels column's category ids (or 1…K) and key values (or the ids as text).</summary>
    public IReadOnlyList<(long Id, string Name)> Categories()
    {
        var names = Enumerable.Range(1, _keyCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var ids = Enumerable.Range(1, _keyCount).Select(i => (long)i).ToArray();
        if (_labels.Annotations.Schema.GetColumnOrNull(AnnotationNames.KeyValues)?.Type is VectorDataViewType { ItemType: TextDataViewType, Size: var size } && size == _keyCount)
        {
            var values = default(VBuffer<ReadOnlyMemory<char>>);
            _labels.GetKeyValues(ref values);
            names = values.DenseValues().Select(v => v.ToString()).ToArray();
        }

        if (_labels.Annotations.Schema.GetColumnOrNull(DatasetColumnNames.CategoryIdsAnnotation)?.Type is VectorDataViewType { ItemType: var item, Size: var count }
            && item == NumberDataViewType.Int64 && count == _keyCount)
        {
            var values = default(VBuffer<long>);
            _labels.Annotations.GetValue(DatasetColumnNames.CategoryIdsAnnotation, ref values);
            ids = values.DenseValues().ToArray();
        }

        return ids.Zip(names).ToList();
    }

    /// <summary>Every row, checked; a row's arrays are fresh.</summary>
    public IEnumerable<Row> Read()
    {
        DataViewSchema.Column[] active = [_imageId, _labels, _boxes, _width, _height, .. new[] { _scores, _fileName }.OfType<DataViewSchema.Column>()];
        using var cursor = _data.GetRowCursor(active);
        var imageId = cursor.GetGetter<ReadOnlyMemory<char>>(_imageId);
        var labels = cursor.GetGetter<VBuffer<uint>>(_labels);
        var boxes = cursor.GetGetter<VBuffer<float>>(_boxes);
        var scores = _scores is null ? null : cursor.GetGetter<VBuffer<float>>(_scores.Value);
        var fileName = _fileName is null ? null : cursor.GetGetter<ReadOnlyMemory<char>>(_fileName.Value);
        var width = cursor.GetGetter<int>(_width);
        var height = cursor.GetGetter<int>(_height);
        ReadOnlyMemory<char> text = default;
        VBuffer<uint> keys = default;
        VBuffer<float> values = default;
        int w = 0, h = 0;
        while (cursor.MoveNext())
        {
            imageId(ref text);
            var idText = text.ToString();
            var id = long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw RowError(cursor.Position, idText, _imageId, $"'{idText}'", "a COCO image id (a whole number ≥ 0)");
            width(ref w);
            height(ref h);
            if (w < 1 || h < 1)
            {
                throw RowError(cursor.Position, idText, w < 1 ? _width : _height, $"{w}×{h}", "an image size of at least 1×1");
            }

            labels(ref keys);
            var rowKeys = keys.DenseValues().ToArray();
            var bad = Array.FindIndex(rowKeys, k => k == 0 || k > _keyCount);
            if (bad >= 0)
            {
                throw RowError(cursor.Position, idText, _labels, $"key {rowKeys[bad]} for box {bad}", $"a key from 1 to {_keyCount}");
            }

            boxes(ref values);
            var corners = Corners(values.DenseValues().ToArray(), rowKeys.Length, w, h, cursor.Position, idText);
            float[]? rowScores = null;
            if (scores is not null && _scores is { } scoreColumn)
            {
                scores(ref values);
                rowScores = values.DenseValues().ToArray();
                if (rowScores.Length != rowKeys.Length || !rowScores.All(float.IsFinite))
                {
                    throw RowError(cursor.Position, idText, scoreColumn, $"{rowScores.Length} values", $"{rowKeys.Length} finite scores, one per label");
                }
            }

            string? name = null;
            if (fileName is not null)
            {
                fileName(ref text);
                name = text.ToString();
            }

            yield return new Row(id, name, w, h, rowKeys, corners, rowScores);
        }
    }

    /// <summary>The boxes of a row as COCO's [x, y, width, height] in the image's own pixels.</summary>
    private double[][] Corners(float[] box, int count, int width, int height, long row, string id)
    {
        if (box.Length != 4 * count)
        {
            throw RowError(row, id, _boxes, $"{box.Length} values", $"4 per label, {4 * count}");
        }

        var result = new double[count][];
        for (var b = 0; b < count; b++)
        {
            var c = box.AsSpan(4 * b, 4);
            if (!float.IsFinite(c[0]) || !float.IsFinite(c[1]) || !float.IsFinite(c[2]) || !float.IsFinite(c[3]) || !(c[2] >= c[0]) || !(c[3] >= c[1]))
            {
                throw RowError(row, id, _boxes, $"box {b} = ({c[0]}, {c[1]}, {c[2]}, {c[3]})", "finite corners x0, y0, x1, y1 with x1 ≥ x0 and y1 ≥ y0");
            }

            // Multiplied before dividing, so that scaling there and back is exact for whole-number ratios.
            double x0 = (double)c[0] * width / _modelWidth, y0 = (double)c[1] * height / _modelHeight;
            result[b] = [x0, y0, ((double)c[2] * width / _modelWidth) - x0, ((double)c[3] * height / _modelHeight) - y0];
        }

        return result;
    }

    private static bool IsSingleVector(DataViewType type) => type is VectorDataViewType { ItemType: var item } && item == NumberDataViewType.Single;

    private static DataViewSchema.Column Column(DataViewSchema schema, string name, string role, Func<DataViewType, bool> isValid, string expected)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaErrors.Missing(role, name);
        return isValid(column.Type) ? column : throw SchemaErrors.Mismatch(role, name, expected, $"{column.Type}");
    }

    private static (int Width, int Height) ModelSize(DataViewSchema schema, CocoWriteOptions options)
    {
        if (options is { Width: { } width, Height: { } height })
        {
            return (width, height);
        }

        return schema.GetColumnOrNull(DefaultColumnNames.Features)?.Type is VectorDataViewType { Dimensions: [_, var h, var w] } && h > 0 && w > 0
            ? (w, h)
            : throw new ArgumentException(
                $"The size of the images the boxes are in is unknown: expected {nameof(CocoWriteOptions)}.{nameof(CocoWriteOptions.Width)} and .{nameof(CocoWriteOptions.Height)}, or a '{DefaultColumnNames.Features}' column with dimensions C×H×W.",
                nameof(options));
    }

    private static InvalidDataException RowError(long row, string id, DataViewSchema.Column column, string got, string expected)
        => new($"Row {row} (image id '{id}') has {got} in column '{column.Name}'; expected {expected}.");

    /// <summary>One checked row; boxes are COCO [x, y, width, height] in the image's own pixels.</summary>
    internal sealed record Row(long ImageId, string? FileName, int Width, int Height, uint[] Keys, double[][] Boxes, float[]? Scores);
}
