using Microsoft.ML;

namespace MLNet.SelfTraining.PseudoLabeling;

/// <summary>
/// Turns a fitted teacher's class probabilities into pseudo labels. Fitting on scored unlabeled data learns the
/// per-class cuts (top-k per class, global k-best) and class-balancing multiplicities; transforming applies them.
/// </summary>
/// <remarks>
/// <para>Input columns: the teacher's <c>Score</c> (known-size vector of <see cref="float"/>, class probabilities)
/// for multiclass, or <c>Probability</c> (<see cref="float"/>) for binary; <c>PredictedLabel</c> (key), when present,
/// gives the pseudo label its key type and key values.</para>
/// <para>Output columns (names in <see cref="Options"/>): <c>PseudoLabel</c> (the teacher's label key type, or
/// <see cref="bool"/> for binary), <c>PseudoLabelConfidence</c> (<see cref="float"/>), <c>PseudoLabelSelected</c>
/// (<see cref="bool"/>), <c>PseudoLabelWeight</c> (<see cref="float"/>: the class-balancing multiplicity of selected
/// rows, 0 otherwise) and <c>SoftLabel</c> (vector of <see cref="float"/>: the full probability distribution).</para>
/// <para>Rows whose probabilities are NaN (e.g. NaN features) are never selected and get NaN confidence.</para>
/// <para><see cref="GetOutputSchema"/> checks the input and returns its columns only: the key-typed
/// <c>PseudoLabel</c> column cannot be described without ML.NET's internal <see cref="SchemaShape.Column"/>
/// constructor. The fitted transformer's <see cref="ITransformer.GetOutputSchema(DataViewSchema)"/> gives the exact
/// schema.</para>
/// </remarks>
public sealed class PseudoLabelEstimator : IEstimator<PseudoLabelTransformer>
{
    private readonly Options _options;

    /// <summary>Creates the estimator; the options are checked at once.</summary>
    public PseudoLabelEstimator(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Options of <see cref="PseudoLabelEstimator"/>: selection rules and column names.</summary>
    public sealed class Options : PseudoLabelOptions
    {
        /// <summary>Whether the teacher is a binary classifier (reads <see cref="ScoreColumnName"/> as a probability). Default <see langword="false"/>.</summary>
        public bool IsBinary { get; set; }

        /// <summary>The teacher's probability column. Default <c>"Score"</c>; use <c>"Probability"</c> for binary teachers.</summary>
        public string ScoreColumnName { get; set; } = DefaultColumnNames.Score;

        /// <summary>The teacher's predicted label column, whose key type the pseudo label takes. Default <c>"PredictedLabel"</c>.</summary>
        public string PredictedLabelColumnName { get; set; } = DefaultColumnNames.PredictedLabel;

        /// <summary>Output: the pseudo label. Default <c>"PseudoLabel"</c>.</summary>
        public string PseudoLabelColumnName { get; set; } = DefaultColumnNames.PseudoLabel;

        /// <summary>Output: the teacher's confidence (largest probability). Default <c>"PseudoLabelConfidence"</c>.</summary>
        public string ConfidenceColumnName { get; set; } = DefaultColumnNames.PseudoLabelConfidence;

        /// <summary>Output: whether the row is selected. Default <c>"PseudoLabelSelected"</c>.</summary>
        public string SelectedColumnName { get; set; } = DefaultColumnNames.PseudoLabelSelected;

        /// <summary>Output: the row's multiplicity (0 when not selected). Default <c>"PseudoLabelWeight"</c>.</summary>
        public string WeightColumnName { get; set; } = DefaultColumnNames.PseudoLabelWeight;

        /// <summary>Output: the full probability vector. Default <c>"SoftLabel"</c>.</summary>
        public string SoftLabelColumnName { get; set; } = DefaultColumnNames.SoftLabel;
    }

    /// <summary>Learns the selection from scored data in one streaming pass.</summary>
    public PseudoLabelTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scores = TeacherScores.Create(input.Schema, _options.IsBinary, _options.ScoreColumnName);
        var selector = new PseudoLabelSelector(_options, scores.ClassCount);
        var probabilities = new float[scores.ClassCount];
        using (var cursor = input.GetRowCursor([scores.Column]))
        {
            var read = scores.MakeReader(cursor);
            while (cursor.MoveNext())
            {
                if (read(probabilities))
                {
                    var (classIndex, confidence) = TeacherScores.ArgMax(probabilities);
                    selector.Observe(classIndex, confidence);
                }
            }
        }

        return new PseudoLabelTransformer(_options, selector.Finish(), scores.ClassCount);
    }

    /// <summary>Checks that the input has the score column; returns the input columns (see remarks).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        if (!inputSchema.Any(c => c.Name == _options.ScoreColumnName))
        {
            throw new ArgumentException(
                $"Column '{_options.ScoreColumnName}' (the teacher's probabilities) was expected in the input; got columns {string.Join(", ", inputSchema.Select(c => c.Name))}.",
                nameof(inputSchema));
        }

        return inputSchema;
    }
}
