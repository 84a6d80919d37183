using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Data;

/// <summary>Column checks of a <see cref="SchemaShape"/>, before fitting (vector sizes are checked at fit).</summary>
internal static class ShapeChecks
{
    /// <summary>The last column named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static SchemaShape.Column? Find(SchemaShape schema, string name) =>
        schema.Where(c => c.Name == name).Select(c => (SchemaShape.Column?)c).LastOrDefault();

    /// <summary>Returns the image column, which must be a known-size <see cref="float"/> vector.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has another type.</exception>
    public static SchemaShape.Column Features(SchemaShape schema, string name)
    {
        var features = Find(schema, name) ?? throw SchemaErrors.Missing("feature", name);
        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.ItemType != NumberDataViewType.Single)
        {
            throw SchemaErrors.Mismatch("feature", features.Name, "known-size Vector<Single>", $"{features.Kind} of {features.ItemType}");
        }

        return features;
    }
}
