using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.Data;

/// <summary>The checks of the optional training columns every TorchSharp image trainer reads: example weight and pseudo-label flag.</summary>
internal static class TrainingColumnChecks
{
    /// <summary>The example weight column, which must be a <see cref="float"/>; <see langword="null"/> without a name.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is named but missing, or has another type.</exception>
    public static DataViewSchema.Column? Weight(DataViewSchema schema, string? name)
    {
        if (name is null)
        {
            return null;
        }

        var weight = schema.GetColumnOrNull(name) ?? throw SchemaErrors.Missing("weight", name);
        if (weight.Type != NumberDataViewType.Single)
        {
            throw SchemaErrors.Mismatch("weight", name, "Single", $"{weight.Type}");
        }

        return weight;
    }

    /// <summary>The pseudo-label flag column when present (its presence switches on student mode), which must be a <see cref="bool"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column has another type.</exception>
    public static DataViewSchema.Column? PseudoFlag(DataViewSchema schema, string name)
    {
        var flag = schema.GetColumnOrNull(name);
        if (flag is { Type: var type } && type != BooleanDataViewType.Instance)
        {
            throw SchemaErrors.Mismatch("pseudo-label flag", name, "Boolean", $"{type}");
        }

        return flag;
    }
}
