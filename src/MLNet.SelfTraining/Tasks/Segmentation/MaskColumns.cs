using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tasks.Segmentation;

/// <summary>Type checks and dense readers of per-pixel columns (masks, confidences); see <see cref="SegmentationMasks"/>.</summary>
internal static class MaskColumns
{
    /// <summary>
    /// The pixel count of <paramref name="column"/>, which must be a known-size vector of <paramref name="itemType"/>
    /// (of <paramref name="size"/> items when given).
    /// </summary>
    /// <param name="column">The column, or <see langword="null"/> when the schema lacks it.</param>
    /// <param name="name">The column's name, for the message.</param>
    /// <param name="role">What the column is (e.g. "mask"), for the message.</param>
    /// <param name="itemType">The expected item type.</param>
    /// <param name="size">The expected pixel count, or <see langword="null"/> for any.</param>
    /// <param name="fail">Makes the exception from the message.</param>
    public static int PixelCount(DataViewSchema.Column? column, string name, string role, PrimitiveDataViewType itemType, int? size, Func<string, Exception> fail)
    {
        string expected = $"a known-size vector of {itemType.RawType.Name}{(size is { } s ? $" of {s} pixels" : "")}";
        if (column is null)
        {
            throw fail($"The {role} column '{name}' was expected ({expected}); got no such column.");
        }

        if (column.Value.Type is not VectorDataViewType { Size: > 0 } vector || !vector.ItemType.Equals(itemType) || (size is not null && vector.Size != size))
        {
            throw fail($"Schema mismatch for {role} column '{name}': expected {expected}, got {column.Value.Type}.");
        }

        return vector.Size;
    }

    /// <summary>A reader of <paramref name="column"/> on the current row of <paramref name="row"/>, dense (implicit zeros filled), into one reused buffer.</summary>
    /// <exception cref="InvalidOperationException">A value is not of <paramref name="size"/> items (a view that breaks its own schema).</exception>
    public static Func<T[]> MakeReader<T>(DataViewRow row, DataViewSchema.Column column, int size)
    {
        var getter = row.GetGetter<VBuffer<T>>(column);
        var buffer = new T[size];
        VBuffer<T> value = default;
        return () =>
        {
            getter(ref value);
            if (value.Length != size)
            {
                throw new InvalidOperationException(
                    $"Column '{column.Name}' was expected to hold {size} values per row, as its type {column.Type} says; got {value.Length} at row {row.Position}.");
            }

            value.CopyTo(buffer);
            return buffer;
        };
    }
}
