using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Schema;

namespace MLNet.SelfTraining.Tests.Schema;

[TestClass]
public sealed class ShapeColumnsTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static SchemaShape BlobShape()
        => ShapeColumns.Of(Ml.Transforms.Conversion.MapValueToKey("Key", "Label").Fit(Ml.Data.LoadFromEnumerable(Blobs.Make(2, seed: 1)))
            .Transform(Ml.Data.LoadFromEnumerable(Blobs.Make(2, seed: 1))).Schema);

    [TestMethod]
    public void Of_DescribesEveryVisibleColumn()
    {
        var shape = BlobShape();

        CollectionAssert.AreEquivalent(new[] { "Label", "TrueLabel", "Features", "Key" }, shape.Select(c => c.Name).ToArray());
        var features = shape.Single(c => c.Name == "Features");
        Assert.AreEqual(SchemaShape.Column.VectorKind.Vector, features.Kind);
        Assert.AreEqual(NumberDataViewType.Single, features.ItemType);
        Assert.IsTrue(shape.Single(c => c.Name == "Key").IsKey);
    }

    [TestMethod]
    public void With_AddsColumnsOfEachSupportedType_AndReplacesOnesOfTheSameName()
    {
        var shape = ShapeColumns.With(BlobShape(),
        [
            ("Weight", NumberDataViewType.Single),
            ("IsPseudoLabel", BooleanDataViewType.Instance),
            ("Features", new VectorDataViewType(NumberDataViewType.Single, 3)),
        ]);

        Assert.AreEqual(SchemaShape.Column.VectorKind.Scalar, shape.Single(c => c.Name == "Weight").Kind);
        Assert.AreEqual(BooleanDataViewType.Instance, shape.Single(c => c.Name == "IsPseudoLabel").ItemType);
        Assert.HasCount(1, shape.Where(c => c.Name == "Features"));
        Assert.HasCount(6, shape);
    }

    [TestMethod]
    public void With_RejectsATypeItCannotDescribe()
    {
        var error = Assert.ThrowsExactly<NotSupportedException>(() => ShapeColumns.With(BlobShape(), [("Count", NumberDataViewType.Int64)]));
        StringAssert.Contains(error.Message, "'Count'");
    }

    [TestMethod]
    public void Without_RemovesTheNamedColumns()
    {
        var shape = ShapeColumns.Without(BlobShape(), ["Key", "Missing"]);

        CollectionAssert.AreEquivalent(new[] { "Label", "TrueLabel", "Features" }, shape.Select(c => c.Name).ToArray());
    }
}
