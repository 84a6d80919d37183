using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.Schema;

/// <summary>
/// Adds columns to a <see cref="SchemaShape"/>. <c>SchemaShape.Column</c> has no public constructor, so the columns are
/// taken from the output shape of an unsaved <c>CustomMapping</c> whose output type is described by a schema definition.
/// </summary>
internal static class ShapeColumns
{
    private static readonly MLContext s_context = new();

    /// <summary>
    /// The shape of <paramref name="schema"/>. <c>SchemaShape.Create</c> is internal, but an estimator chain computes the
    /// shape of its input before it fits anything: a one-estimator chain over an empty view hands it to
    /// <see cref="ShapeCapture"/>, which keeps it and stops the fit.
    /// </summary>
    public static SchemaShape Of(DataViewSchema schema)
    {
        var capture = new ShapeCapture();
        try
        {
            new EstimatorChain<ITransformer>().Append(capture).Fit(new EmptyDataView(schema));
        }
        catch (ShapeCapture.Captured)
        {
        }

        return capture.Shape ?? throw new InvalidOperationException("ML.NET's estimator chain did not compute the input shape before fitting.");
    }

    /// <summary><paramref name="shape"/> with <paramref name="added"/> appended; a column of the same name is replaced.</summary>
    public static SchemaShape With(SchemaShape shape, IReadOnlyList<(string Name, DataViewType Type)> added)
    {
        if (added.Count == 0)
        {
            return shape;
        }

        var names = added.Select(c => c.Name).ToHashSet();
        return new SchemaShape(shape.Where(c => !names.Contains(c.Name)).Concat(Make(added)));
    }

    /// <summary><paramref name="shape"/> without the columns named in <paramref name="names"/>.</summary>
    public static SchemaShape Without(SchemaShape shape, IEnumerable<string> names)
    {
        var removed = names.ToHashSet();
        return new SchemaShape(shape.Where(c => !removed.Contains(c.Name)));
    }

    private static IEnumerable<SchemaShape.Column> Make(IReadOnlyList<(string Name, DataViewType Type)> columns)
    {
        foreach (var (name, type) in columns)
        {
            var member = type switch
            {
                BooleanDataViewType => nameof(Values.Boolean),
                VectorDataViewType { ItemType: NumberDataViewType n } when n == NumberDataViewType.Single => nameof(Values.Vector),
                NumberDataViewType n when n == NumberDataViewType.Single => nameof(Values.Single),
                _ => throw new NotSupportedException($"Column '{name}' of type {type} cannot be added to a schema shape."),
            };
            var definition = SchemaDefinition.Create(typeof(Values));
            definition.RemoveAll(c => c.MemberName != member);
            definition[0].ColumnName = name;
            definition[0].ColumnType = type;
            var mapping = s_context.Transforms.CustomMapping<NoInput, Values>((_, _) => { }, contractName: null, outputSchemaDefinition: definition);
            yield return mapping.GetOutputSchema(new SchemaShape([])).Single(c => c.Name == name);
        }
    }

    /// <summary>The mapping's input: it reads no column.</summary>
    private sealed class NoInput
    {
    }

    /// <summary>One member per column type that can be added.</summary>
    private sealed class Values
    {
        public float Single { get; set; }

        public bool Boolean { get; set; }

        public float[] Vector { get; set; } = [];
    }
}
