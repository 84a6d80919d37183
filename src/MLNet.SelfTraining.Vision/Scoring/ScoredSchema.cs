using Microsoft.ML;

namespace MLNet.SelfTraining.Vision.Scoring;

/// <summary>The schema of scored data: every input column, then the computed output columns in order.</summary>
internal sealed class ScoredSchema
{
    private readonly IOutputColumn[] _computed;

    /// <param name="input">The input schema.</param>
    /// <param name="features">The input column fed to the network.</param>
    /// <param name="computed">The columns computed from the network's output.</param>
    public ScoredSchema(DataViewSchema input, DataViewSchema.Column features, IEnumerable<IOutputColumn> computed)
    {
        _computed = [.. computed];
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        foreach (var column in _computed)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        Input = input;
        Output = builder.ToSchema();
        Features = features;
    }

    public DataViewSchema Input { get; }

    public DataViewSchema Output { get; }

    /// <summary>The input column fed to the network.</summary>
    public DataViewSchema.Column Features { get; }

    /// <summary>Whether output column <paramref name="index"/> is computed from the network (not passed through).</summary>
    public bool IsComputed(int index) => index >= Input.Count;

    /// <summary>The computed column at output index <paramref name="index"/>.</summary>
    public IOutputColumn Computed(int index) => _computed[index - Input.Count];
}
